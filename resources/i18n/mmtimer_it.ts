<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT" sourcelanguage="en">
<context>
    <name>Beeper</name>
    <message>
        <source>no sound: QtMultimedia cannot load (%1); beeps are shown, not heard</source>
        <translation>nessun suono: QtMultimedia non si carica (%1); i segnali si vedono, non si sentono</translation>
    </message>
    <message>
        <source>no sound: no audio output device; beeps are shown, not heard</source>
        <translation>nessun suono: nessuna uscita audio; i segnali si vedono, non si sentono</translation>
    </message>
    <message>
        <source>no sound: %1 is missing; beeps are shown, not heard</source>
        <translation>nessun suono: manca %1; i segnali si vedono, non si sentono</translation>
    </message>
    <message>
        <source>no sound: the audio output refused %1</source>
        <translation>nessun suono: l&apos;uscita audio ha rifiutato %1</translation>
    </message>
</context>
<context>
    <name>CardActions</name>
    <message>
        <source>Export the driver&apos;s time table</source>
        <translation>Esporta la tabella di marcia del pilota</translation>
    </message>
    <message>
        <source>PDF, A5 pages (*.pdf)</source>
        <translation>PDF, pagine A5 (*.pdf)</translation>
    </message>
    <message>
        <source>PDF, A4 pages (*.pdf)</source>
        <translation>PDF, pagine A4 (*.pdf)</translation>
    </message>
    <message>
        <source>Export the navigator&apos;s card</source>
        <translation>Esporta la tabella del navigatore</translation>
    </message>
    <message>
        <source>Print the navigator&apos;s card</source>
        <translation>Stampa la tabella del navigatore</translation>
    </message>
    <message>
        <source>&amp;Print card…</source>
        <translation>&amp;Stampa la tabella del navigatore…</translation>
    </message>
    <message>
        <source>Export card P&amp;DF…</source>
        <translation>Esporta la tabella del navigatore in P&amp;DF…</translation>
    </message>
    <message>
        <source>Export time &amp;table PDF…</source>
        <translation>Esporta la tabella di &amp;marcia in PDF…</translation>
    </message>
    <message>
        <source>Open a stage first (File &gt; Open): the card is the stage&apos;s</source>
        <translation>Apri prima una tappa (File &gt; Apri): la tabella è quella della tappa</translation>
    </message>
    <message>
        <source>Cannot write the card</source>
        <translation>Impossibile scrivere la tabella</translation>
    </message>
    <message>
        <source>Card written to {0} ({1}, {2})</source>
        <translation>Tabella scritta in {0} ({1}, {2})</translation>
    </message>
    <message>
        <source>Printing is not available here: use Export card PDF</source>
        <translation>Stampa non disponibile qui: usa Esporta la tabella in PDF</translation>
    </message>
    <message>
        <source>Cannot print the card: {0}</source>
        <translation>Impossibile stampare la tabella: {0}</translation>
    </message>
    <message>
        <source>Card sent to the printer ({0})</source>
        <translation>Tabella inviata alla stampante ({0})</translation>
    </message>
    <message>
        <source>Open a stage first (File &gt; Open): the time table is the stage&apos;s</source>
        <translation>Apri prima una tappa (File &gt; Apri): la tabella di marcia è quella della tappa</translation>
    </message>
    <message>
        <source>This stage has no average-speed trial: the time table is for those</source>
        <translation>Questa tappa non ha prove di media: la tabella di marcia è per quelle</translation>
    </message>
    <message>
        <source>Cannot write the time table</source>
        <translation>Impossibile scrivere la tabella di marcia</translation>
    </message>
    <message>
        <source>Time table written to {0} ({1}, A5)</source>
        <translation>Tabella di marcia scritta in {0} ({1}, A5)</translation>
    </message>
    <message>
        <source>1 page</source>
        <translation>1 pagina</translation>
    </message>
    <message>
        <source>{0} pages</source>
        <translation>{0} pagine</translation>
    </message>
</context>
<context>
    <name>ChronoPushers</name>
    <message>
        <source>&amp;Start / stop</source>
        <translation>&amp;Avvio / arresto</translation>
    </message>
    <message>
        <source>S&amp;plit</source>
        <translation>&amp;Intermedio</translation>
    </message>
    <message>
        <source>&amp;Lap</source>
        <translation>&amp;Giro</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>A&amp;zzera</translation>
    </message>
    <message>
        <source>&amp;Chronograph</source>
        <translation>&amp;Cronografo</translation>
    </message>
</context>
<context>
    <name>CloseStageDialog</name>
    <message>
        <source>Leave the stage</source>
        <translation>Lascia la tappa</translation>
    </message>
    <message>
        <source>The stage is not finished: some lines are not recorded yet.</source>
        <translation>La tappa non è finita: alcune linee non sono ancora registrate.</translation>
    </message>
    <message>
        <source>End the stage: its log is closed for good (it cannot be resumed).
Keep it open: everything is saved, and opening the stage again offers to resume it.</source>
        <translation>Chiudi la tappa: il suo registro si chiude definitivamente (non si può riprendere).
Tienila aperta: tutto è salvato, e riaprendo la tappa si offre di riprenderla.</translation>
    </message>
    <message>
        <source>End the stage</source>
        <translation>Chiudi la tappa</translation>
    </message>
    <message>
        <source>Keep the stage open</source>
        <translation>Tieni aperta la tappa</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
</context>
<context>
    <name>CountdownWidget</name>
    <message>
        <source>Countdown</source>
        <translation>Conto alla rovescia</translation>
    </message>
</context>
<context>
    <name>CrewDialog</name>
    <message>
        <source>Sport</source>
        <translation>Sport</translation>
    </message>
    <message>
        <source>Gran Turismo</source>
        <translation>Gran Turismo</translation>
    </message>
    <message>
        <source>Touring</source>
        <translation>Turismo</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nessuno</translation>
    </message>
    <message>
        <source>entered in a historic 1000 Miglia, did not take part</source>
        <translation>iscritta a una 1000 Miglia storica, non partita</translation>
    </message>
    <message>
        <source>took part in a historic 1000 Miglia</source>
        <translation>ha partecipato a una 1000 Miglia storica</translation>
    </message>
    <message>
        <source>%1: %2 is not a number such as 0.35</source>
        <translation>%1: %2 non è un numero come 0,35</translation>
    </message>
    <message>
        <source>%1: %2 must be 0 or more</source>
        <translation>%1: %2 deve essere 0 o più</translation>
    </message>
    <message>
        <source>Crew</source>
        <translation>Equipaggio</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>sconosciuto</translation>
    </message>
    <message>
        <source>as printed on the entry list, e.g. 1.80</source>
        <translation>come stampato nell&apos;elenco iscritti, es. 1.80</translation>
    </message>
    <message>
        <source>The car coefficient as the organiser prints it (entry list); empty: none</source>
        <translation>Il coefficiente della vettura come lo stampa l&apos;organizzatore (elenco iscritti); vuoto: nessuno</translation>
    </message>
    <message>
        <source>&amp;Components...</source>
        <translation>&amp;Componenti...</translation>
    </message>
    <message>
        <source>Work the 1000 Miglia coefficient out from its parts</source>
        <translation>Calcola il coefficiente 1000 Miglia dalle sue componenti</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numero</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>Pilota</translation>
    </message>
    <message>
        <source>Navigator</source>
        <translation>Navigatore</translation>
    </message>
    <message>
        <source>Car</source>
        <translation>Vettura</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Anno</translation>
    </message>
    <message>
        <source>Coefficient</source>
        <translation>Coefficiente</translation>
    </message>
    <message>
        <source>1000 Miglia coefficient from its components</source>
        <translation>Coefficiente 1000 Miglia dalle sue componenti</translation>
    </message>
    <message>
        <source>coefficient = 1 + (period + (class − category) + bonus)</source>
        <translation>coefficiente = 1 + (periodo + (classe − categoria) + bonus)</translation>
    </message>
    <message>
        <source>1000 Miglia, as on %1. Other editions add the category and an MM factor: type the coefficient printed on the entry list above.</source>
        <translation>1000 Miglia, secondo %1. Altre edizioni aggiungono la categoria e un fattore MM: scrivi sopra il coefficiente stampato nell&apos;elenco iscritti.</translation>
    </message>
    <message>
        <source>the organiser&apos;s coefficient page (millemiglia.it, &quot;coefficienti&quot;)</source>
        <translation>la pagina dei coefficienti dell&apos;organizzatore (millemiglia.it, &quot;coefficienti&quot;)</translation>
    </message>
    <message>
        <source>from the organiser&apos;s period table</source>
        <translation>dalla tabella dei periodi dell&apos;organizzatore</translation>
    </message>
    <message>
        <source>from the organiser&apos;s class table</source>
        <translation>dalla tabella delle classi dell&apos;organizzatore</translation>
    </message>
    <message>
        <source>&amp;Use</source>
        <translation>&amp;Usa</translation>
    </message>
    <message>
        <source>Put the computed coefficient in the coefficient field</source>
        <translation>Metti il coefficiente calcolato nel campo del coefficiente</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Classe</translation>
    </message>
    <message>
        <source>Category (subtracted)</source>
        <translation>Categoria (sottratta)</translation>
    </message>
    <message>
        <source>Bonus (this chassis)</source>
        <translation>Bonus (questo telaio)</translation>
    </message>
    <message>
        <source>Why the crew is read-only</source>
        <translation>Perché l&apos;equipaggio è in sola lettura</translation>
    </message>
    <message>
        <source>Crew (read-only)</source>
        <translation>Equipaggio (sola lettura)</translation>
    </message>
    <message>
        <source>coefficient</source>
        <translation>coefficiente</translation>
    </message>
    <message>
        <source>coefficient: give a number above 0, such as 1.80</source>
        <translation>coefficiente: indica un numero maggiore di 0, come 1.80</translation>
    </message>
    <message>
        <source>the components give a coefficient of 0 or less</source>
        <translation>le componenti danno un coefficiente di 0 o meno</translation>
    </message>
    <message>
        <source>type the period and the class</source>
        <translation>scrivi il periodo e la classe</translation>
    </message>
</context>
<context>
    <name>DistancePlot</name>
    <message>
        <source>%1: distance (km)</source>
        <translation>%1: distanza (km)</translation>
    </message>
    <message>
        <source>ideal</source>
        <translation>ideale</translation>
    </message>
    <message>
        <source>car</source>
        <translation>vettura</translation>
    </message>
    <message>
        <source>ahead (-) / behind (+), s</source>
        <translation>anticipo (-) / ritardo (+), s</translation>
    </message>
    <message>
        <source>s since the start</source>
        <translation>s dalla partenza</translation>
    </message>
</context>
<context>
    <name>DraftTableModel</name>
    <message>
        <source>Check</source>
        <comment>the row&apos;s validation</comment>
        <translation>Verifica</translation>
    </message>
</context>
<context>
    <name>DriverDisplays</name>
    <message>
        <source>&amp;Driver display</source>
        <translation>&amp;Schermo del pilota</translation>
    </message>
    <message>
        <source>A second window, full screen, for the driver</source>
        <translation>Una seconda finestra, a schermo intero, per il pilota</translation>
    </message>
    <message>
        <source>Driver &amp;page (phone)</source>
        <translation>&amp;Pagina del pilota (telefono)</translation>
    </message>
    <message>
        <source>Serve the driver&apos;s page to a phone on this network</source>
        <translation>Offri la pagina del pilota a un telefono su questa rete</translation>
    </message>
    <message>
        <source>Driver display &amp;screen</source>
        <translation>&amp;Monitor dello schermo del pilota</translation>
    </message>
    <message>
        <source>Driver page: %1</source>
        <translation>Pagina del pilota: %1</translation>
    </message>
</context>
<context>
    <name>DriverPage</name>
    <message>
        <source>mmtimer · driver</source>
        <translation>mmtimer · pilota</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>connessione…</translation>
    </message>
    <message>
        <source>connected…</source>
        <translation>connesso…</translation>
    </message>
    <message>
        <source>imposed average</source>
        <translation>media imposta</translation>
    </message>
    <message>
        <source>no stage open</source>
        <translation>nessuna tappa aperta</translation>
    </message>
    <message>
        <source>no stage open in mmtimer</source>
        <translation>nessuna tappa aperta in mmtimer</translation>
    </message>
    <message>
        <source>last: %1</source>
        <translation>ultima: %1</translation>
    </message>
    <message>
        <source>%1 pts</source>
        <translation>%1 pt</translation>
    </message>
    <message>
        <source>ahead/behind: no distance</source>
        <translation>anticipo/ritardo: nessuna distanza</translation>
    </message>
    <message>
        <source>ahead %1 s</source>
        <translation>anticipo %1 s</translation>
    </message>
    <message>
        <source>behind %1 s</source>
        <translation>ritardo %1 s</translation>
    </message>
    <message>
        <source>%1 then (%2)</source>
        <translation>%1 allora (%2)</translation>
    </message>
    <message>
        <source>hold %1 km/h</source>
        <translation>tieni %1 km/h</translation>
    </message>
    <message>
        <source>then %1 km/h from km %2</source>
        <translation>poi %1 km/h dal km %2</translation>
    </message>
    <message>
        <source>ideal km %1</source>
        <translation>km ideale %1</translation>
    </message>
    <message>
        <source>GPS lost %1 ago</source>
        <translation>GPS perso %1 fa</translation>
    </message>
    <message>
        <source>start %1 ago</source>
        <translation>partenza %1 fa</translation>
    </message>
    <message>
        <source>landmark %1 ago</source>
        <translation>riferimento %1 fa</translation>
    </message>
    <message>
        <source>in your minute, %1 s left</source>
        <translation>nel tuo minuto, restano %1 s</translation>
    </message>
    <message>
        <source>+%1 min late</source>
        <translation>+%1 min di ritardo</translation>
    </message>
    <message>
        <source>live · data %1 old</source>
        <translation>in diretta · dati di %1 fa</translation>
    </message>
    <message>
        <source>LINK LOST · data %1 old</source>
        <translation>COLLEGAMENTO PERSO · dati di %1 fa</translation>
    </message>
    <message>
        <source>cannot reach mmtimer (%1); retrying</source>
        <translation>mmtimer non risponde (%1); nuovo tentativo</translation>
    </message>
    <message>
        <source>screen may sleep (no Wake Lock here)</source>
        <translation>lo schermo può spegnersi (qui manca il Wake Lock)</translation>
    </message>
    <message>
        <source>screen kept on</source>
        <translation>schermo tenuto acceso</translation>
    </message>
    <message>
        <source>screen may sleep</source>
        <translation>lo schermo può spegnersi</translation>
    </message>
    <message>
        <source>screen may sleep (%1)</source>
        <translation>lo schermo può spegnersi (%1)</translation>
    </message>
</context>
<context>
    <name>DriverPageDialog</name>
    <message>
        <source>Driver page</source>
        <translation>Pagina del pilota</translation>
    </message>
    <message>
        <source>On the driver&apos;s phone or tablet, on the same network as this laptop, open this address or scan the code. The page only shows; it changes nothing.</source>
        <translation>Sul telefono o tablet del pilota, sulla stessa rete di questo portatile, apri questo indirizzo o inquadra il codice. La pagina mostra soltanto: non cambia nulla.</translation>
    </message>
    <message>
        <source>QR code of the driver page&apos;s address</source>
        <translation>Codice QR dell&apos;indirizzo della pagina del pilota</translation>
    </message>
    <message>
        <source>no page connected yet</source>
        <translation>ancora nessuna pagina collegata</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) connected</source>
        <translation>
            <numerusform>%n pagina collegata</numerusform>
            <numerusform>%n pagine collegate</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DriverWindow</name>
    <message>
        <source>mmtimer · driver</source>
        <translation>mmtimer · pilota</translation>
    </message>
    <message>
        <source>Driver display</source>
        <translation>Schermo del pilota</translation>
    </message>
    <message>
        <source>no stage open</source>
        <translation>nessuna tappa aperta</translation>
    </message>
</context>
<context>
    <name>EndStage</name>
    <message>
        <source>End the stage</source>
        <translation>Chiudi la tappa</translation>
    </message>
    <message>
        <source>End the stage now? Its log is closed for good: it cannot be resumed.</source>
        <translation>Chiudere ora la tappa? Il suo registro si chiude definitivamente: non si potrà riprendere.</translation>
    </message>
    <message>
        <source>Lines not recorded count as missed.</source>
        <translation>Le linee non registrate contano come mancate.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <source>1 event is not on disk yet: %1</source>
        <translation>1 evento non è ancora su disco: %1</translation>
    </message>
    <message>
        <source>%1 events are not on disk yet: %2</source>
        <translation>%1 eventi non sono ancora su disco: %2</translation>
    </message>
    <message>
        <source>Save the log elsewhere</source>
        <translation>Salva il registro altrove</translation>
    </message>
    <message>
        <source>Stage logs (*.mmlog);;All files (*)</source>
        <translation>Registri di tappa (*.mmlog);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>Nothing to end: this stage&apos;s log has not started</source>
        <translation>Niente da chiudere: il registro di questa tappa non è iniziato</translation>
    </message>
    <message>
        <source>This stage was ended already</source>
        <translation>Questa tappa è già stata chiusa</translation>
    </message>
    <message>
        <source>Stage ended: %1 is closed. File &gt; Open to time a stage again</source>
        <translation>Tappa chiusa: %1 è chiuso. File &gt; Apri per cronometrare di nuovo una tappa</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>must be an object, not %1</source>
        <translation>deve essere un oggetto, non %1</translation>
    </message>
    <message>
        <source>unknown key (expected one of: %1)</source>
        <translation>chiave sconosciuta (attesa una di: %1)</translation>
    </message>
    <message>
        <source>%1 is not a car&apos;s year</source>
        <translation>%1 non è l&apos;anno di una vettura</translation>
    </message>
    <message>
        <source>must be a string like &quot;1.80&quot;, not %1</source>
        <translation>deve essere un testo come &quot;1.80&quot;, non %1</translation>
    </message>
    <message>
        <source>coefficient</source>
        <translation>coefficiente</translation>
    </message>
    <message>
        <source>must be above 0, not %1</source>
        <translation>deve essere maggiore di 0, non %1</translation>
    </message>
    <message>
        <source>missing: an event starts with format = &quot;%1&quot;</source>
        <translation>manca: un evento inizia con format = &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1 is not &quot;%2&quot;</source>
        <translation>%1 non è &quot;%2&quot;</translation>
    </message>
    <message>
        <source>missing: the event&apos;s name</source>
        <translation>manca: il nome dell&apos;evento</translation>
    </message>
    <message>
        <source>unknown rule set %1: use a built-in set (%2) or the path of a .rules.toml file</source>
        <translation>regolamento %1 sconosciuto: usa un regolamento incluso (%2) o il percorso di un file .rules.toml</translation>
    </message>
    <message>
        <source>missing: an event needs at least one [[day]]</source>
        <translation>manca: un evento ha bisogno di almeno un [[day]]</translation>
    </message>
    <message>
        <source>an event needs at least one [[day]]</source>
        <translation>un evento ha bisogno di almeno un [[day]]</translation>
    </message>
    <message>
        <source>missing: the day&apos;s stage file, e.g. &quot;day1.stage.toml&quot;</source>
        <translation>manca: il file di tappa del giorno, ad es. &quot;day1.stage.toml&quot;</translation>
    </message>
    <message>
        <source>must be a number like &quot;112&quot;, not %1</source>
        <translation>deve essere un numero come &quot;112&quot;, non %1</translation>
    </message>
    <message>
        <source>stage: %1</source>
        <translation>tappa: %1</translation>
    </message>
    <message>
        <source>no log yet at %1</source>
        <translation>ancora nessun registro in %1</translation>
    </message>
    <message>
        <source>log: %1</source>
        <translation>registro: %1</translation>
    </message>
    <message>
        <source>must be a number like &quot;0.5&quot;, not %1</source>
        <translation>deve essere un numero come &quot;0.5&quot;, non %1</translation>
    </message>
    <message>
        <source>leg factor</source>
        <translation>fattore del settore</translation>
    </message>
    <message>
        <source>a leg factor multiplies penalties: above 0, not %1</source>
        <translation>il fattore di un settore moltiplica le penalità: maggiore di 0, non %1</translation>
    </message>
    <message>
        <source>must be whole minutes like 15, not %1</source>
        <translation>deve essere in minuti interi come 15, non %1</translation>
    </message>
    <message>
        <source>must be 0 to %1 minutes, not %2</source>
        <translation>deve essere da 0 a %1 minuti, non %2</translation>
    </message>
    <message>
        <source>missing: the id of the leg&apos;s %1 section</source>
        <translation>manca: la sigla della sezione %1 del settore</translation>
    </message>
    <message>
        <source>the stage has no section %1</source>
        <translation>la tappa non ha una sezione %1</translation>
    </message>
    <message>
        <source>%1 comes before %2: from is the leg&apos;s first section</source>
        <translation>%1 viene prima di %2: from è la prima sezione del settore</translation>
    </message>
    <message>
        <source>missing: the multiplier, e.g. factor = &quot;0.5&quot;</source>
        <translation>manca: il moltiplicatore, ad es. factor = &quot;0.5&quot;</translation>
    </message>
    <message>
        <source>overlaps leg %1: a section is in one leg at most</source>
        <translation>si sovrappone al settore %1: una sezione sta al più in un settore</translation>
    </message>
    <message>
        <source>%1 is in this leg and has its own leg_factor: keep one of them</source>
        <translation>%1 è in questo settore e ha un proprio leg_factor: tieni solo uno dei due</translation>
    </message>
    <message>
        <source>missing (an integer is needed in a %1 event)</source>
        <translation>manca (un evento %1 richiede un numero intero)</translation>
    </message>
    <message>
        <source>%1 is not an integer</source>
        <translation>%1 non è un numero intero</translation>
    </message>
    <message>
        <source>%1 is below %2</source>
        <translation>%1 è minore di %2</translation>
    </message>
    <message>
        <source>%1 is out of range for a %2</source>
        <translation>%1 è fuori dai limiti per %2</translation>
    </message>
    <message>
        <source>%1 is out of range for a log</source>
        <translation>%1 è fuori dai limiti per un registro</translation>
    </message>
    <message>
        <source>must be text</source>
        <translation>deve essere un testo</translation>
    </message>
    <message>
        <source>%1 is not text</source>
        <translation>%1 non è un testo</translation>
    </message>
    <message>
        <source>missing (text is needed in a %1 event)</source>
        <translation>manca (un evento %1 richiede un testo)</translation>
    </message>
    <message>
        <source>the first line must be the header (type &quot;header&quot;)</source>
        <translation>la prima riga deve essere l&apos;intestazione (type &quot;header&quot;)</translation>
    </message>
    <message>
        <source>%1 is not a log format this program reads (expected %2)</source>
        <translation>%1 non è un formato di registro che questo programma legge (atteso %2)</translation>
    </message>
    <message>
        <source>missing or not text</source>
        <translation>manca o non è un testo</translation>
    </message>
    <message>
        <source>missing or not a JSON object</source>
        <translation>manca o non è un oggetto JSON</translation>
    </message>
    <message>
        <source>missing or not text (every event has a type)</source>
        <translation>manca o non è un testo (ogni evento ha un tipo)</translation>
    </message>
    <message>
        <source>a second header: a log has one header, on line 1</source>
        <translation>una seconda intestazione: un registro ha una sola intestazione, alla riga 1</translation>
    </message>
    <message>
        <source>%1 is not one of %2</source>
        <translation>%1 non è tra %2</translation>
    </message>
    <message>
        <source>not a valid JSON line (%1)</source>
        <translation>non è una riga JSON valida (%1)</translation>
    </message>
    <message>
        <source>a line of more than %1 bytes: not a stage log line</source>
        <translation>una riga di più di %1 byte: non è una riga di un registro di tappa</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>non è un oggetto JSON</translation>
    </message>
    <message>
        <source>%1 does not rise after %2: each event&apos;s seq must be one more than the last (a void&apos;s ref would be ambiguous)</source>
        <translation>%1 non cresce dopo %2: il seq di ogni evento deve superare di uno il precedente (il ref di un annullamento sarebbe ambiguo)</translation>
    </message>
    <message>
        <source>the header line is cut short: the log holds nothing usable</source>
        <translation>la riga d&apos;intestazione è troncata: il registro non contiene nulla di utilizzabile</translation>
    </message>
    <message>
        <source>empty log: no header line</source>
        <translation>registro vuoto: manca la riga d&apos;intestazione</translation>
    </message>
    <message>
        <source>cannot read the log: %1</source>
        <translation>impossibile leggere il registro: %1</translation>
    </message>
    <message>
        <source>cannot read the log: is a folder</source>
        <translation>impossibile leggere il registro: è una cartella</translation>
    </message>
    <message>
        <source>is not a regular file (a device, pipe or socket): not read</source>
        <translation>non è un file normale (un dispositivo, una pipe o un socket): non letto</translation>
    </message>
    <message>
        <source>is %1 bytes: larger than any stage log (at most %2); not read</source>
        <translation>è di %1 byte: più grande di qualsiasi registro di tappa (al massimo %2); non letto</translation>
    </message>
    <message>
        <source>is larger than any stage log (at most %1); not read</source>
        <translation>è più grande di qualsiasi registro di tappa (al massimo %1); non letto</translation>
    </message>
    <message>
        <source>cannot open the log: %1</source>
        <translation>impossibile aprire il registro: %1</translation>
    </message>
    <message>
        <source>the last line is cut short and could not be kept aside; resume refused so that nothing is lost</source>
        <translation>l&apos;ultima riga è troncata e non si è potuta mettere da parte; ripresa rifiutata perché nulla vada perso</translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation>impossibile leggere: %1</translation>
    </message>
    <message>
        <source>empty: not an NMEA log</source>
        <translation>vuoto: non è un registro NMEA</translation>
    </message>
    <message>
        <source>not an NMEA log: no valid sentence in %1 lines (%2)</source>
        <translation>non è un registro NMEA: nessuna frase valida in %1 righe (%2)</translation>
    </message>
    <message>
        <source>%1: it cannot be resumed (and a log is never overwritten)</source>
        <translation>%1: non si può riprendere (e un registro non viene mai sovrascritto)</translation>
    </message>
    <message>
        <source>the stage was ended in this log (its closing event is at line %1): it is finished, and a log is never overwritten; give a new file</source>
        <translation>la tappa è stata chiusa in questo registro (l&apos;evento di chiusura è alla riga %1): è finito, e un registro non viene mai sovrascritto; indica un nuovo file</translation>
    </message>
    <message>
        <source>%1: it is not resumed, and a log is never overwritten</source>
        <translation>%1: non viene ripreso, e un registro non viene mai sovrascritto</translation>
    </message>
    <message>
        <source>unknown rule set: built-in sets are %1; or give a .rules.toml path</source>
        <translation>regolamento sconosciuto: i regolamenti inclusi sono %1; oppure indica il percorso di un .rules.toml</translation>
    </message>
    <message>
        <source>built-in file has id %1</source>
        <translation>il file incluso ha id %1</translation>
    </message>
    <message>
        <source>a rule set must be a table, not %1</source>
        <translation>un regolamento deve essere una tabella, non %1</translation>
    </message>
    <message>
        <source>missing: a rule set starts with format = &quot;%1&quot;</source>
        <translation>manca: un regolamento inizia con format = &quot;%1&quot;</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>manca</translation>
    </message>
    <message>
        <source>missing: the [%1] table</source>
        <translation>manca: la tabella [%1]</translation>
    </message>
    <message>
        <source>a year factor multiplies penalties (lower is better); with a points table use factor = &quot;coefficient&quot; or &quot;none&quot;</source>
        <translation>un fattore anno moltiplica le penalità (meno è meglio); con una tabella punti usa factor = &quot;coefficient&quot; o &quot;none&quot;</translation>
    </message>
    <message>
        <source>with a points_table higher totals are better (better = &quot;higher&quot;)</source>
        <translation>con una points_table i totali più alti sono migliori (better = &quot;higher&quot;)</translation>
    </message>
    <message>
        <source>penalties: lower is better (better = &quot;lower&quot;); &quot;higher&quot; needs a points_table</source>
        <translation>penalità: meno è meglio (better = &quot;lower&quot;); &quot;higher&quot; richiede una points_table</translation>
    </message>
    <message>
        <source>a criterion is listed twice</source>
        <translation>un criterio compare due volte</translation>
    </message>
    <message>
        <source>name the kinds whose worst results drop</source>
        <translation>indica i tipi di prova di cui si scartano i risultati peggiori</translation>
    </message>
    <message>
        <source>must be a number like &quot;1&quot; or &quot;300&quot;, not %1</source>
        <translation>deve essere un numero come &quot;1&quot; o &quot;300&quot;, non %1</translation>
    </message>
    <message>
        <source>must not be negative, not %1</source>
        <translation>non deve essere negativo, non %1</translation>
    </message>
    <message>
        <source>missing: one of %1</source>
        <translation>manca: uno tra %1</translation>
    </message>
    <message>
        <source>missing: points for each unit of deviation</source>
        <translation>manca: i punti per ogni unità di scarto</translation>
    </message>
    <message>
        <source>missed = &quot;cap&quot; needs a cap: give the penalty of a missed measurement as a number, e.g. missed = &quot;300&quot;</source>
        <translation>missed = &quot;cap&quot; richiede un tetto: indica la penalità di un rilevamento mancato come numero, ad es. missed = &quot;300&quot;</translation>
    </message>
    <message>
        <source>%1 is listed twice</source>
        <translation>%1 compare due volte</translation>
    </message>
    <message>
        <source>beyond the maximum time costs at least the late cap (%1), not %2</source>
        <translation>oltre il tempo massimo costa almeno il tetto del ritardo (%1), non %2</translation>
    </message>
    <message>
        <source>must list the points for 0, 1, 2... penalties</source>
        <translation>deve elencare i punti per 0, 1, 2... di penalità</translation>
    </message>
    <message>
        <source>points must not rise as penalties grow</source>
        <translation>i punti non devono salire quando le penalità crescono</translation>
    </message>
    <message>
        <source>cannot read the stage&apos;s rule-set file: %1</source>
        <translation>impossibile leggere il file del regolamento della tappa: %1</translation>
    </message>
    <message>
        <source>not beside the log</source>
        <translation>non è accanto al registro</translation>
    </message>
    <message>
        <source>the stage is scored by rule-set file %1, which the log does not embed and which is not a readable rule set beside the log (only that folder is looked in); give the rules explicitly</source>
        <translation>la tappa si calcola con il file di regolamento %1, che il registro non contiene e che non è un regolamento leggibile accanto al registro (si cerca solo in quella cartella); indica il regolamento esplicitamente</translation>
    </message>
    <message>
        <source>the stage log is closed: resume it to record more</source>
        <translation>il registro della tappa è chiuso: riprendilo per registrare ancora</translation>
    </message>
    <message>
        <source>the stage&apos;s last line is done: pick a section to record more</source>
        <translation>l&apos;ultima linea della tappa è conclusa: scegli una sezione per registrare ancora</translation>
    </message>
    <message>
        <source>the armed line is not in an average trial with start = &quot;press&quot;</source>
        <translation>la linea armata non è in una prova di media con start = &quot;press&quot;</translation>
    </message>
    <message>
        <source>cannot void: %1</source>
        <translation>impossibile annullare: %1</translation>
    </message>
    <message>
        <source>there is no pass to void</source>
        <translation>non c&apos;è un passaggio da annullare</translation>
    </message>
    <message>
        <source>cannot undo: %1</source>
        <translation>impossibile annullare l&apos;azione: %1</translation>
    </message>
    <message>
        <source>there is nothing to undo</source>
        <translation>non c&apos;è niente da annullare</translation>
    </message>
    <message>
        <source>no line is armed: nothing to skip</source>
        <translation>nessuna linea armata: niente da saltare</translation>
    </message>
    <message>
        <source>the stage has no section %1 (it has %2)</source>
        <translation>la tappa non ha una sezione %1 (ha %2)</translation>
    </message>
    <message>
        <source>%1 has lines 1 to %2, not %3</source>
        <translation>%1 ha le linee da 1 a %2, non %3</translation>
    </message>
    <message>
        <source>a stage must be a table (JSON object), not %1</source>
        <translation>una tappa deve essere una tabella (oggetto JSON), non %1</translation>
    </message>
    <message>
        <source>missing: a stage starts with format = &quot;%1&quot;</source>
        <translation>manca: una tappa inizia con format = &quot;%1&quot;</translation>
    </message>
    <message>
        <source>a stage needs at least one [[section]]</source>
        <translation>una tappa ha bisogno di almeno una [[section]]</translation>
    </message>
    <message>
        <source>duplicate id %1 (also section %2)</source>
        <translation>sigla %1 ripetuta (anche nella sezione %2)</translation>
    </message>
    <message>
        <source>rule-set file %1 not found next to the stage</source>
        <translation>file di regolamento %1 non trovato accanto alla tappa</translation>
    </message>
    <message>
        <source>missing: &quot;timed&quot;, &quot;time-control&quot; or &quot;average&quot;</source>
        <translation>manca: &quot;timed&quot;, &quot;time-control&quot; o &quot;average&quot;</translation>
    </message>
    <message>
        <source>missing: each section needs an id</source>
        <translation>manca: ogni sezione ha bisogno di una sigla</translation>
    </message>
    <message>
        <source>missing: the due official time, e.g. &quot;10:42&quot;</source>
        <translation>manca: l&apos;ora ufficiale prevista, ad es. &quot;10:42&quot;</translation>
    </message>
    <message>
        <source>missing: one target per line after the first, [&quot;15.00&quot;]</source>
        <translation>manca: un tempo imposto per ogni linea dopo la prima, [&quot;15.00&quot;]</translation>
    </message>
    <message>
        <source>a timed trial needs at least one target (two lines)</source>
        <translation>una prova cronometrata ha bisogno di almeno un tempo imposto (due linee)</translation>
    </message>
    <message>
        <source>a target must be more than 0 s, not %1</source>
        <translation>un tempo imposto deve essere più di 0 s, non %1</translation>
    </message>
    <message>
        <source>with targets_from = &quot;start&quot; each target is timed from line 1, so each must be later than the one before</source>
        <translation>con targets_from = &quot;start&quot; ogni tempo imposto si misura dalla linea 1, quindi ognuno deve essere più lungo del precedente</translation>
    </message>
    <message>
        <source>missing: the official start time, e.g. &quot;10:50:00&quot;, or &quot;press&quot;</source>
        <translation>manca: l&apos;ora ufficiale di partenza, ad es. &quot;10:50:00&quot;, o &quot;press&quot;</translation>
    </message>
    <message>
        <source>%1, or &quot;press&quot; (the schedule starts at the press)</source>
        <translation>%1, o &quot;press&quot; (la tabella di marcia parte dalla pressione)</translation>
    </message>
    <message>
        <source>give either speed_kmh = &quot;48.0&quot; or speeds = [[&quot;0&quot;, &quot;48.0&quot;], ...], not both</source>
        <translation>indica speed_kmh = &quot;48.0&quot; oppure speeds = [[&quot;0&quot;, &quot;48.0&quot;], ...], non entrambi</translation>
    </message>
    <message>
        <source>missing: the imposed average, speed_kmh = &quot;48.0&quot; or speeds = [[km, km/h], ...]</source>
        <translation>manca: la media imposta, speed_kmh = &quot;48.0&quot; o speeds = [[km, km/h], ...]</translation>
    </message>
    <message>
        <source>needs at least one [from_km, km/h] pair</source>
        <translation>richiede almeno una coppia [from_km, km/h]</translation>
    </message>
    <message>
        <source>each speed is a pair [from_km, km/h], e.g. [&quot;5.2&quot;, &quot;40.0&quot;]</source>
        <translation>ogni velocità è una coppia [from_km, km/h], ad es. [&quot;5.2&quot;, &quot;40.0&quot;]</translation>
    </message>
    <message>
        <source>the first average must start at km 0</source>
        <translation>la prima media deve iniziare al km 0</translation>
    </message>
    <message>
        <source>each average must start further than the one before</source>
        <translation>ogni media deve iniziare più avanti della precedente</translation>
    </message>
    <message>
        <source>missing: the check distances, e.g. [&quot;2.350&quot;]</source>
        <translation>manca: le distanze dei rilevamenti, ad es. [&quot;2.350&quot;]</translation>
    </message>
    <message>
        <source>an average trial needs at least one check</source>
        <translation>una prova di media ha bisogno di almeno un rilevamento</translation>
    </message>
    <message>
        <source>a check must be after the start (more than 0 km)</source>
        <translation>un rilevamento deve essere dopo la partenza (più di 0 km)</translation>
    </message>
    <message>
        <source>checks come in driving order: each further than the one before</source>
        <translation>i rilevamenti vanno in ordine di percorrenza: ognuno più avanti del precedente</translation>
    </message>
    <message>
        <source>each landmark is a pair [km, label], e.g. [&quot;1.250&quot;, &quot;bridge&quot;]</source>
        <translation>ogni riferimento è una coppia [km, nome], ad es. [&quot;1.250&quot;, &quot;ponte&quot;]</translation>
    </message>
    <message>
        <source>landmarks come in driving order: each further than the one before</source>
        <translation>i riferimenti vanno in ordine di percorrenza: ognuno più avanti del precedente</translation>
    </message>
    <message>
        <source>must be seconds like &quot;15.00&quot;, 21 or &quot;1:02.50&quot;</source>
        <translation>deve essere in secondi come &quot;15.00&quot;, 21 o &quot;1:02.50&quot;</translation>
    </message>
    <message>
        <source>target</source>
        <translation>tempo imposto</translation>
    </message>
    <message>
        <source>must be a string like &quot;10:42&quot; or &quot;10:50:00&quot;, not %1</source>
        <translation>deve essere un testo come &quot;10:42&quot; o &quot;10:50:00&quot;, non %1</translation>
    </message>
    <message>
        <source>must be km like &quot;2.350&quot;, not %1</source>
        <translation>deve essere in km come &quot;2.350&quot;, non %1</translation>
    </message>
    <message>
        <source>must be km/h like &quot;48.0&quot;, not %1</source>
        <translation>deve essere in km/h come &quot;48.0&quot;, non %1</translation>
    </message>
    <message>
        <source>speed</source>
        <translation>velocità</translation>
    </message>
    <message>
        <source>an average speed must be above 0 and at most 1000 km/h, not %1</source>
        <translation>una velocità media deve essere maggiore di 0 e al massimo 1000 km/h, non %1</translation>
    </message>
    <message>
        <source>number</source>
        <translation>numero</translation>
    </message>
    <message>
        <source>duration</source>
        <translation>durata</translation>
    </message>
    <message>
        <source>time of day</source>
        <translation>ora</translation>
    </message>
    <message>
        <source>distance</source>
        <translation>distanza</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>secondi</translation>
    </message>
    <message>
        <source>%1 %2 is not a number</source>
        <translation>%1 %2: non è un numero</translation>
    </message>
    <message>
        <source>a calibration factor must be between %1 and %2, not %3</source>
        <translation>un fattore di taratura deve essere tra %1 e %2, non %3</translation>
    </message>
    <message>
        <source>a %1 event needs t_ns</source>
        <translation>un evento %1 richiede t_ns</translation>
    </message>
    <message>
        <source>source %1 is not one of %2</source>
        <translation>la sorgente %1 non è tra %2</translation>
    </message>
    <message>
        <source>a distance event needs m (metres from the trial&apos;s start)</source>
        <translation>un evento distance richiede m (metri dalla partenza della prova)</translation>
    </message>
    <message>
        <source>m %1 is negative</source>
        <translation>m %1 è negativo</translation>
    </message>
    <message>
        <source>section %1 is not text</source>
        <translation>section %1 non è un testo</translation>
    </message>
    <message>
        <source>a calibrate event needs factor</source>
        <translation>un evento calibrate richiede factor</translation>
    </message>
    <message>
        <source>the measured section&apos;s end is not after its start</source>
        <translation>la fine del tratto misurato non è dopo il suo inizio</translation>
    </message>
    <message>
        <source>the measured section&apos;s length must be more than 0 km</source>
        <translation>la lunghezza del tratto misurato deve essere più di 0 km</translation>
    </message>
    <message>
        <source>%1 is not a number like 1.0234</source>
        <translation>%1 non è un numero come 1.0234</translation>
    </message>
    <message>
        <source>%1 %2 has more digits than any %3 (at most %4 before and after the point)</source>
        <translation>%1 %2: più cifre di qualsiasi valore di %3 (al massimo %4 prima e dopo il punto)</translation>
    </message>
    <message>
        <source>%1 %2 has more than %3 decimals</source>
        <translation>%1 %2: più di %3 decimali</translation>
    </message>
    <message>
        <source>%1 %2: use a decimal point, not a comma</source>
        <translation>%1 %2: usa il punto decimale, non la virgola</translation>
    </message>
    <message>
        <source>%1 %2 is not a decimal number like 15.00</source>
        <translation>%1 %2: non è un numero decimale come 15.00</translation>
    </message>
    <message>
        <source>%1 %2 is not a duration</source>
        <translation>%1 %2: non è una durata</translation>
    </message>
    <message>
        <source>%1 %2 is longer than %3</source>
        <translation>%1 %2: supera %3</translation>
    </message>
    <message>
        <source>%1 %2: seconds must be below 60</source>
        <translation>%1 %2: i secondi devono essere meno di 60</translation>
    </message>
    <message>
        <source>%1 %2 is not seconds like 15.00, 21 or 1:02.50</source>
        <translation>%1 %2: non sono secondi come 15.00, 21 o 1:02.50</translation>
    </message>
    <message>
        <source>%1 %2 is negative</source>
        <translation>%1 %2: valore negativo</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1 ore</translation>
    </message>
    <message>
        <source>%1 %2 must be a string like &quot;10:42&quot; or &quot;10:50:00&quot;</source>
        <translation>%1 %2: deve essere un testo come &quot;10:42&quot; o &quot;10:50:00&quot;</translation>
    </message>
    <message>
        <source>%1 %2 is not a time of day like &quot;10:42&quot; or &quot;10:50:00&quot;</source>
        <translation>%1 %2: non è un&apos;ora come &quot;10:42&quot; o &quot;10:50:00&quot;</translation>
    </message>
    <message>
        <source>%1 %2 is not a valid 24 h time</source>
        <translation>%1 %2: non è un&apos;ora valida (24 h)</translation>
    </message>
    <message>
        <source>%1 %2 is not a distance</source>
        <translation>%1 %2: non è una distanza</translation>
    </message>
    <message>
        <source>%1 %2 is more than %3 km</source>
        <translation>%1 %2: più di %3 km</translation>
    </message>
    <message>
        <source>%1 %2 is not a distance in km</source>
        <translation>%1 %2: non è una distanza in km</translation>
    </message>
    <message>
        <source>%1 %2 has more digits than any %3</source>
        <translation>%1 %2: più cifre di qualsiasi valore di %3</translation>
    </message>
    <message>
        <source>%1 %2 is not a decimal number</source>
        <translation>%1 %2: non è un numero decimale</translation>
    </message>
    <message>
        <source>stage or rule set</source>
        <translation>tappa o regolamento</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>file inesistente</translation>
    </message>
    <message>
        <source>is a folder, not a file</source>
        <translation>è una cartella, non un file</translation>
    </message>
    <message>
        <source>cannot be read: permission denied</source>
        <translation>impossibile leggerlo: permesso negato</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>impossibile leggerlo: %1</translation>
    </message>
    <message>
        <source>is larger than any %1 (%2 bytes; at most %3): not read</source>
        <translation>è più grande di qualsiasi %1 (%2 byte; al massimo %3): non letto</translation>
    </message>
    <message>
        <source>is not UTF-8 text</source>
        <translation>non è testo UTF-8</translation>
    </message>
    <message>
        <source>not valid TOML: %1</source>
        <translation>TOML non valido: %1</translation>
    </message>
    <message>
        <source>not valid TOML: nested too deeply</source>
        <translation>TOML non valido: annidamento troppo profondo</translation>
    </message>
    <message>
        <source>not valid TOML: a number with thousands of digits</source>
        <translation>TOML non valido: un numero con migliaia di cifre</translation>
    </message>
    <message>
        <source>must be a table, not %1</source>
        <translation>deve essere una tabella, non %1</translation>
    </message>
    <message>
        <source>must be an array, not %1</source>
        <translation>deve essere un array, non %1</translation>
    </message>
    <message>
        <source>must be a string, not %1</source>
        <translation>deve essere un testo, non %1</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>non deve essere vuoto</translation>
    </message>
    <message>
        <source>must be a whole number, not %1</source>
        <translation>deve essere un numero intero, non %1</translation>
    </message>
    <message>
        <source>must be at least %1, not %2</source>
        <translation>deve essere almeno %1, non %2</translation>
    </message>
    <message>
        <source>%1 is larger than any value here</source>
        <translation>%1 è più grande di qualsiasi valore ammesso qui</translation>
    </message>
    <message>
        <source>must be true or false, not %1</source>
        <translation>deve essere true o false, non %1</translation>
    </message>
    <message>
        <source>the boolean %1</source>
        <translation>il booleano %1</translation>
    </message>
    <message>
        <source>the TOML date/time %1 (write times as strings, e.g. &quot;10:42&quot;)</source>
        <translation>la data/ora TOML %1 (scrivi gli orari come testo, ad es. &quot;10:42&quot;)</translation>
    </message>
    <message>
        <source>the float %1 (write decimals as strings, e.g. &quot;%2&quot;)</source>
        <translation>il numero in virgola mobile %1 (scrivi i decimali come testo, ad es. &quot;%2&quot;)</translation>
    </message>
    <message>
        <source>the number %1</source>
        <translation>il numero %1</translation>
    </message>
    <message>
        <source>the string %1</source>
        <translation>il testo %1</translation>
    </message>
    <message>
        <source>a table</source>
        <translation>una tabella</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>un array</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>a value of type %1</source>
        <translation>un valore di tipo %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>a stage needs at least one section</source>
        <translation>una tappa ha bisogno di almeno una sezione</translation>
    </message>
    <message>
        <source>leg %1: %2</source>
        <translation>settore %1: %2</translation>
    </message>
    <message>
        <source>no id</source>
        <translation>senza sigla</translation>
    </message>
    <message>
        <source>row %1 (%2)%3: %4</source>
        <translation>riga %1 (%2)%3: %4</translation>
    </message>
    <message>
        <source>the stage does not check</source>
        <translation>la tappa non supera la verifica</translation>
    </message>
    <message>
        <source>no file to save to</source>
        <translation>nessun file in cui salvare</translation>
    </message>
    <message>
        <source>the file written does not load: %1</source>
        <translation>il file scritto non si carica: %1</translation>
    </message>
    <message>
        <source>%1: the file written loads to a different stage</source>
        <translation>%1: il file scritto si carica come una tappa diversa</translation>
    </message>
    <message>
        <source>the chronograph is already running</source>
        <translation>il cronografo è già in marcia</translation>
    </message>
    <message>
        <source>the chronograph is not running</source>
        <translation>il cronografo non è in marcia</translation>
    </message>
    <message>
        <source>stop the chronograph before resetting it</source>
        <translation>ferma il cronografo prima di azzerarlo</translation>
    </message>
    <message>
        <source>%1 needs a running chronograph</source>
        <translation>%1 richiede il cronografo in marcia</translation>
    </message>
</context>
<context>
    <name>EventControl</name>
    <message>
        <source>Events (*.event.toml);;All files (*)</source>
        <translation>Eventi (*.event.toml);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>Open an event</source>
        <translation>Apri un evento</translation>
    </message>
    <message>
        <source>New &amp;event…</source>
        <translation>N&amp;uovo evento…</translation>
    </message>
    <message>
        <source>Open e&amp;vent…</source>
        <translation>Apri e&amp;vento…</translation>
    </message>
    <message>
        <source>Edit event…</source>
        <translation>Modifica evento…</translation>
    </message>
    <message>
        <source>&amp;Event</source>
        <translation>&amp;Evento</translation>
    </message>
    <message>
        <source>Cannot open the event</source>
        <translation>Impossibile aprire l&apos;evento</translation>
    </message>
    <message>
        <source>Day {0}: {1}</source>
        <translation>Giorno {0}: {1}</translation>
    </message>
    <message>
        <source>Every day of {0} is driven</source>
        <translation>Tutti i giorni di {0} sono stati percorsi</translation>
    </message>
    <message>
        <source>Day {0} cannot be opened: {1}</source>
        <translation>Il giorno {0} non si può aprire: {1}</translation>
    </message>
    <message>
        <source>Day {0}: {1}, log {2}</source>
        <translation>Giorno {0}: {1}, registro {2}</translation>
    </message>
    <message>
        <source>Open an event first (File &gt; Open event)</source>
        <translation>Apri prima un evento (File &gt; Apri evento)</translation>
    </message>
    <message>
        <source>Cannot edit the event</source>
        <translation>Impossibile modificare l&apos;evento</translation>
    </message>
    <message>
        <source>Event saved: {0}</source>
        <translation>Evento salvato: {0}</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <source>Add the days&apos; stages</source>
        <translation>Aggiungi le tappe dei giorni</translation>
    </message>
    <message>
        <source>Stages (*.stage.toml *.toml);;All files (*)</source>
        <translation>Tappe (*.stage.toml *.toml);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>Save the event</source>
        <translation>Salva l&apos;evento</translation>
    </message>
    <message>
        <source>Events (*.event.toml);;All files (*)</source>
        <translation>Eventi (*.event.toml);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>Edit event</source>
        <translation>Modifica evento</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>Nuovo evento</translation>
    </message>
    <message>
        <source>e.g. 1000 Miglia 2027</source>
        <translation>es. 1000 Miglia 2027</translation>
    </message>
    <message>
        <source>The rule set of every day whose stage names none (empty: each stage&apos;s own)</source>
        <translation>Il regolamento di ogni giorno la cui tappa non ne indica uno (vuoto: quello di ciascuna tappa)</translation>
    </message>
    <message>
        <source>asked when saved</source>
        <translation>chiesto al salvataggio</translation>
    </message>
    <message>
        <source>Event file</source>
        <translation>File dell&apos;evento</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Regolamento</translation>
    </message>
    <message>
        <source>Crew (set once: it goes into each day&apos;s log)</source>
        <translation>Equipaggio (una volta sola: va nel registro di ogni giorno)</translation>
    </message>
    <message>
        <source>e.g. 1929</source>
        <translation>es. 1929</translation>
    </message>
    <message>
        <source>as printed on the entry list, e.g. 1.80</source>
        <translation>come stampato nell&apos;elenco iscritti, es. 1.80</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numero</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>Pilota</translation>
    </message>
    <message>
        <source>Navigator</source>
        <translation>Navigatore</translation>
    </message>
    <message>
        <source>Car</source>
        <translation>Vettura</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Anno</translation>
    </message>
    <message>
        <source>Coefficient</source>
        <translation>Coefficiente</translation>
    </message>
    <message>
        <source>Days, in driving order</source>
        <translation>Giorni, in ordine di percorrenza</translation>
    </message>
    <message>
        <source>Stage file</source>
        <translation>File della tappa</translation>
    </message>
    <message>
        <source>Log (optional)</source>
        <translation>Registro (facoltativo)</translation>
    </message>
    <message>
        <source>&amp;Add a day</source>
        <translation>Aggiungi un &amp;giorno</translation>
    </message>
    <message>
        <source>Add &amp;stages…</source>
        <translation>Aggiungi &amp;tappe…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Rimuovi</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Sposta in &amp;alto</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Sposta in &amp;basso</translation>
    </message>
    <message>
        <source>Day {0}</source>
        <translation>Giorno {0}</translation>
    </message>
    <message>
        <source>number</source>
        <translation>numero</translation>
    </message>
    <message>
        <source>year</source>
        <translation>anno</translation>
    </message>
    <message>
        <source>Crew</source>
        <translation>Equipaggio</translation>
    </message>
    <message>
        <source>{0} must be a whole number, not {1!r}</source>
        <translation>{0} deve essere un numero intero, non {1!r}</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>give the event a name</source>
        <translation>dai un nome all&apos;evento</translation>
    </message>
    <message>
        <source>day {0} has no stage file</source>
        <translation>il giorno {0} non ha un file di tappa</translation>
    </message>
    <message>
        <source>add at least one day (its stage file)</source>
        <translation>aggiungi almeno un giorno (il suo file di tappa)</translation>
    </message>
    <message>
        <source>day {0}: {1} is not there (the event still opens the other days)</source>
        <translation>giorno {0}: {1} non c&apos;è (l&apos;evento apre comunque gli altri giorni)</translation>
    </message>
</context>
<context>
    <name>EventDock</name>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
</context>
<context>
    <name>EventPanel</name>
    <message>
        <source>driven</source>
        <translation>percorso</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>in corso</translation>
    </message>
    <message>
        <source>not yet driven</source>
        <translation>non ancora percorso</translation>
    </message>
    <message>
        <source>log missing</source>
        <translation>registro mancante</translation>
    </message>
    <message>
        <source>stage missing</source>
        <translation>tappa mancante</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation>illeggibile</translation>
    </message>
    <message>
        <source>#</source>
        <translation>N.</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Giorno</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Tappa</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Totale</translation>
    </message>
    <message>
        <source>Open the &amp;next day</source>
        <translation>Apri il giorno &amp;successivo</translation>
    </message>
    <message>
        <source>&amp;Open this day</source>
        <translation>A&amp;pri questo giorno</translation>
    </message>
    <message>
        <source>&amp;Edit event…</source>
        <translation>&amp;Modifica evento…</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>&amp;Ricarica</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Risultati</translation>
    </message>
    <message>
        <source>Plots</source>
        <translation>Grafici</translation>
    </message>
    <message>
        <source>no crew set for the event</source>
        <translation>nessun equipaggio indicato per l&apos;evento</translation>
    </message>
    <message>
        <source>Whole event</source>
        <translation>Evento completo</translation>
    </message>
    <message>
        <source>Every day is driven</source>
        <translation>Tutti i giorni sono stati percorsi</translation>
    </message>
    <message>
        <source>Day {0}: {1}</source>
        <translation>Giorno {0}: {1}</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Whole event: every driven day&apos;s rows (D1 = day 1)</source>
        <translation>Evento completo: le righe di ogni giorno percorso (G1 = giorno 1)</translation>
    </message>
</context>
<context>
    <name>FaceWindow</name>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Esci</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>Schermo &amp;intero</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Scorciatoie da tastiera</translation>
    </message>
    <message>
        <source>&amp;About mmtimer</source>
        <translation>&amp;Informazioni su mmtimer</translation>
    </message>
    <message>
        <source>&amp;Eighths of a second (28,800 vph)</source>
        <translation>&amp;Ottavi di secondo (28.800 alt/h)</translation>
    </message>
    <message>
        <source>S&amp;weep</source>
        <translation>&amp;Continua</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Visualizza</translation>
    </message>
    <message>
        <source>&amp;Theme (dial colour)</source>
        <translation>&amp;Tema (colore del quadrante)</translation>
    </message>
    <message>
        <source>Chronograph &amp;hand</source>
        <translation>Lancetta del &amp;cronografo</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aiuto</translation>
    </message>
    <message>
        <source>About mmtimer</source>
        <translation>Informazioni su mmtimer</translation>
    </message>
    <message>
        <source>A chronograph and regularity-rally timer for navigators.</source>
        <translation>Cronografo e cronometro per i rally di regolarità, pensato per i navigatori.</translation>
    </message>
</context>
<context>
    <name>GpsSource</name>
    <message>
        <source>GPS off</source>
        <translation>GPS spento</translation>
    </message>
    <message>
        <source>GPS: cannot open %1: %2</source>
        <translation>GPS: impossibile aprire %1: %2</translation>
    </message>
    <message>
        <source>USB receiver %1</source>
        <translation>ricevitore USB %1</translation>
    </message>
    <message>
        <source>GPS: reading %1 at %2 baud</source>
        <translation>GPS: lettura di %1 a %2 baud</translation>
    </message>
    <message>
        <source>GPS: this system has no location source</source>
        <translation>GPS: questo sistema non ha una fonte di posizione</translation>
    </message>
    <message>
        <source>GPS: the location source failed (%1)</source>
        <translation>GPS: la fonte di posizione non funziona (%1)</translation>
    </message>
    <message>
        <source>GPS: %1</source>
        <translation>GPS: %1</translation>
    </message>
    <message>
        <source>GPS: simulating %1</source>
        <translation>GPS: simulazione di %1</translation>
    </message>
    <message>
        <source>GPS: %1: no fix in the file</source>
        <translation>GPS: %1: nessuna posizione nel file</translation>
    </message>
    <message>
        <source>GPS: simulating %1 (%2 fixes)</source>
        <translation>GPS: simulazione di %1 (%2 posizioni)</translation>
    </message>
    <message>
        <source>GPS: the receiver stopped (%1): no distance from GPS until it is back</source>
        <translation>GPS: il ricevitore si è fermato (%1): nessuna distanza dal GPS finché non torna</translation>
    </message>
    <message>
        <source>GPS: the simulated drive has ended</source>
        <translation>GPS: il percorso simulato è finito</translation>
    </message>
</context>
<context>
    <name>KeyboardHelp</name>
    <message>
        <source>Click the pusher at 2 o&apos;clock</source>
        <translation>Clic sul pulsante a ore 2</translation>
    </message>
    <message>
        <source>Start / stop the chronograph</source>
        <translation>Avvia / ferma il cronografo</translation>
    </message>
    <message>
        <source>Click the pusher at 4 o&apos;clock</source>
        <translation>Clic sul pulsante a ore 4</translation>
    </message>
    <message>
        <source>Reset the chronograph (when stopped)</source>
        <translation>Azzera il cronografo (da fermo)</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Scorciatoie da tastiera</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasti</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>Azione</translation>
    </message>
    <message>
        <source>Space is kept for the timing line (coming with stages). The chronograph reads the clock the moment a key or pusher goes down.</source>
        <translation>Lo spazio è riservato alla linea di cronometraggio (con le tappe). Il cronografo legge l&apos;orologio nell&apos;istante in cui si preme un tasto o un pulsante.</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>Language: %1. Names from the stage and event files, and the messages of the core (errors in files and logs), stay as written. A list of keys (F1) already open keeps its language until it is opened again.</source>
        <translation>Lingua: %1. I nomi dei file di tappa e di evento e i messaggi del programma sugli errori di file e registri restano come sono scritti. Un elenco dei tasti (F1) già aperto mantiene la sua lingua finché non lo si riapre.</translation>
    </message>
    <message>
        <source>Not available: %1</source>
        <translation>Non disponibile: %1</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Lingua</translation>
    </message>
    <message>
        <source>&amp;System (%1)</source>
        <translation>&amp;Sistema (%1)</translation>
    </message>
</context>
<context>
    <name>Leaving</name>
    <message>
        <source>the disk has not taken them yet</source>
        <translation>il disco non li ha ancora accettati</translation>
    </message>
    <message>
        <source>The stage goes on: the log is still being retried</source>
        <translation>La tappa continua: si riprova ancora a scrivere il registro</translation>
    </message>
    <message>
        <source>No copy saved: the stage goes on</source>
        <translation>Nessuna copia salvata: la tappa continua</translation>
    </message>
    <message>
        <source>Choose another file than the log itself: the stage goes on</source>
        <translation>Scegli un file diverso dal registro stesso: la tappa continua</translation>
    </message>
    <message>
        <source>Cannot save the log to %1: %2: the stage goes on</source>
        <translation>Impossibile salvare il registro in %1: %2: la tappa continua</translation>
    </message>
    <message>
        <source>A copy of the whole log is in %1</source>
        <translation>Una copia dell&apos;intero registro è in %1</translation>
    </message>
</context>
<context>
    <name>LegTableModel</name>
    <message>
        <source>Factor</source>
        <translation>Fattore</translation>
    </message>
    <message>
        <source>From section</source>
        <translation>Dalla sezione</translation>
    </message>
    <message>
        <source>Leg {0}</source>
        <translation>Settore {0}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>To section</source>
        <translation>Alla sezione</translation>
    </message>
    <message>
        <source>Type {0} of leg {1}</source>
        <translation>Scrivi {0} del settore {1}</translation>
    </message>
    <message>
        <source>checked once the rows above check</source>
        <translation>verificato quando le righe sopra sono corrette</translation>
    </message>
</context>
<context>
    <name>LiveStage</name>
    <message>
        <source>Cannot %1: the stage was ended (its log is closed). Open the stage again (File &gt; Open) to time it in a new log</source>
        <translation>Impossibile %1: la tappa è stata chiusa (il suo registro è chiuso). Riapri la tappa (File &gt; Apri) per cronometrarla in un nuovo registro</translation>
    </message>
    <message>
        <source>record the pass</source>
        <translation>registrare il passaggio</translation>
    </message>
    <message>
        <source>undo</source>
        <translation>annullare</translation>
    </message>
    <message>
        <source>skip the line</source>
        <translation>saltare la linea</translation>
    </message>
    <message>
        <source>choose the section</source>
        <translation>scegliere la sezione</translation>
    </message>
    <message>
        <source>sync</source>
        <translation>sincronizzare</translation>
    </message>
    <message>
        <source>record the start press</source>
        <translation>registrare la pressione di partenza</translation>
    </message>
    <message>
        <source>record the distance</source>
        <translation>registrare la distanza</translation>
    </message>
    <message>
        <source>record the calibrate</source>
        <translation>registrare la taratura</translation>
    </message>
    <message>
        <source>record the fix</source>
        <translation>registrare la posizione</translation>
    </message>
    <message>
        <source>cannot %1: the log %2 cannot be created: %3</source>
        <translation>impossibile %1: non si può creare il registro %2: %3</translation>
    </message>
    <message>
        <source>The stage is done: choose a section (G) to record more.</source>
        <translation>La tappa è completata: scegli una sezione (G) per registrare ancora.</translation>
    </message>
    <message>
        <source>Double press? Backspace undoes it.</source>
        <translation>Doppia pressione? Backspace la annulla.</translation>
    </message>
    <message>
        <source>%1 started: the schedule runs from this press.</source>
        <translation>%1 partita: la tabella di marcia parte da questa pressione.</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>Niente da annullare</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Messages</source>
        <translation>Messaggi</translation>
    </message>
    <message>
        <source>No messages yet.</source>
        <translation>Ancora nessun messaggio.</translation>
    </message>
</context>
<context>
    <name>NavigatorCard</name>
    <message>
        <source>Line</source>
        <translation>Linea</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Imposto</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Previsto</translation>
    </message>
    <message>
        <source>Ideal</source>
        <translation>Ideale</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>cannot paint the card on this device</source>
        <translation>impossibile disegnare la tabella su questo dispositivo</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Regolamento</translation>
    </message>
    <message>
        <source>Navigator&apos;s card</source>
        <translation>Tabella del navigatore</translation>
    </message>
    <message>
        <source>continued</source>
        <translation>continua</translation>
    </message>
    <message>
        <source>navigator card</source>
        <translation>tabella del navigatore</translation>
    </message>
</context>
<context>
    <name>PacerController</name>
    <message>
        <source>&amp;Distance</source>
        <translation>&amp;Distanza</translation>
    </message>
    <message>
        <source>Confirm the next &amp;landmark</source>
        <translation>Conferma il prossimo &amp;riferimento</translation>
    </message>
    <message>
        <source>Type the road book&apos;s &amp;km here…</source>
        <translation>Scrivi qui i &amp;km del road book…</translation>
    </message>
    <message>
        <source>&amp;Measured section: mark start / end</source>
        <translation>Tratto &amp;misurato: segna inizio / fine</translation>
    </message>
    <message>
        <source>Calibration &amp;factor…</source>
        <translation>&amp;Fattore di taratura…</translation>
    </message>
    <message>
        <source>&amp;Allow GPS (many events ban it)</source>
        <translation>&amp;Ammetti il GPS (molti eventi lo vietano)</translation>
    </message>
    <message>
        <source>GPS &amp;off</source>
        <translation>GPS &amp;spento</translation>
    </message>
    <message>
        <source>GPS: &amp;USB receiver…</source>
        <translation>GPS: ricevitore &amp;USB…</translation>
    </message>
    <message>
        <source>GPS: this s&amp;ystem&apos;s location</source>
        <translation>GPS: &amp;posizione di questo sistema</translation>
    </message>
    <message>
        <source>GPS: &amp;simulate a recorded drive (NMEA)…</source>
        <translation>GPS: s&amp;imula un percorso registrato (NMEA)…</translation>
    </message>
    <message>
        <source>this stage bans GPS (gps = false)</source>
        <translation>questa tappa vieta il GPS (gps = false)</translation>
    </message>
    <message>
        <source>allow GPS first</source>
        <translation>prima ammetti il GPS</translation>
    </message>
    <message>
        <source>GPS is not allowed: Distance &gt; Allow GPS (or the stage bans it)</source>
        <translation>Il GPS non è ammesso: Distanza &gt; Ammetti il GPS (oppure la tappa lo vieta)</translation>
    </message>
    <message>
        <source>USB GPS receiver</source>
        <translation>Ricevitore GPS USB</translation>
    </message>
    <message>
        <source>Serial port (%1), then :baud if not 9600</source>
        <translation>Porta seriale (%1), poi :baud se non è 9600</translation>
    </message>
    <message>
        <source>none found</source>
        <translation>nessuna trovata</translation>
    </message>
    <message>
        <source>Simulate a recorded drive</source>
        <translation>Simula un percorso registrato</translation>
    </message>
    <message>
        <source>NMEA logs (*.nmea *.log *.txt);;All (*)</source>
        <translation>Registri NMEA (*.nmea *.log *.txt);;Tutti (*)</translation>
    </message>
    <message>
        <source>No average trial is armed: landmarks belong to one</source>
        <translation>Nessuna prova di media armata: i riferimenti appartengono a una prova di media</translation>
    </message>
    <message>
        <source>Every landmark of this trial is confirmed (Shift+K types a km)</source>
        <translation>Tutti i riferimenti di questa prova sono confermati (Maiusc+K scrive un km)</translation>
    </message>
    <message>
        <source>No average trial is armed</source>
        <translation>Nessuna prova di media armata</translation>
    </message>
    <message>
        <source>Road book km</source>
        <translation>Km del road book</translation>
    </message>
    <message>
        <source>%1: km from the start here</source>
        <translation>%1: km dalla partenza in questo punto</translation>
    </message>
    <message>
        <source>Distance set to the road book at %1</source>
        <translation>Distanza allineata al road book a %1</translation>
    </message>
    <message>
        <source>Calibrating on a measured section needs GPS on (or type a factor)</source>
        <translation>La taratura su un tratto misurato richiede il GPS acceso (o scrivi un fattore)</translation>
    </message>
    <message>
        <source>Measured section: start marked; press M again at its end</source>
        <translation>Tratto misurato: inizio segnato; premi di nuovo M alla fine</translation>
    </message>
    <message>
        <source>Measured section</source>
        <translation>Tratto misurato</translation>
    </message>
    <message>
        <source>Its length in the road book (km)</source>
        <translation>La sua lunghezza nel road book (km)</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>Taratura</translation>
    </message>
    <message>
        <source>Multiply measured distances by</source>
        <translation>Moltiplica le distanze misurate per</translation>
    </message>
    <message>
        <source>Calibration factor %1 from now on (%2)</source>
        <translation>Fattore di taratura %1 da ora in poi (%2)</translation>
    </message>
</context>
<context>
    <name>PastePreview</name>
    <message>
        <source>Paste from the road book</source>
        <translation>Incolla dal road book</translation>
    </message>
    <message>
        <source>{0} sections understood; {1} rows not understood (below). Nothing is inserted until you accept: the rows not understood are left out.</source>
        <translation>{0} sezioni comprese; {1} righe non comprese (sotto). Non si inserisce nulla finché non accetti: le righe non comprese restano fuori.</translation>
    </message>
    <message>
        <source>{0} sections understood, every row.</source>
        <translation>{0} sezioni comprese, tutte le righe.</translation>
    </message>
    <message>
        <source>Sections to insert</source>
        <translation>Sezioni da inserire</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Riga</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Sigla</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Valori</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>id already in the stage</source>
        <translation>sigla già presente nella tappa</translation>
    </message>
    <message>
        <source>Rows not understood (not inserted)</source>
        <translation>Righe non comprese (non inserite)</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Perché</translation>
    </message>
    <message>
        <source>Row as pasted</source>
        <translation>Riga come incollata</translation>
    </message>
    <message>
        <source>&amp;Insert {0} sections</source>
        <translation>&amp;Inserisci {0} sezioni</translation>
    </message>
</context>
<context>
    <name>Present</name>
    <message>
        <source>CHRONOGRAPH</source>
        <translation>CRONOGRAFO</translation>
    </message>
    <message>
        <source>SPLIT</source>
        <translation>INTERMEDIO</translation>
    </message>
    <message>
        <source>SPLIT / LAP</source>
        <translation>INTERMEDIO / GIRO</translation>
    </message>
    <message>
        <source>OFFICIAL TIME</source>
        <translation>ORA UFFICIALE</translation>
    </message>
    <message>
        <source>NEXT TARGET</source>
        <translation>OBIETTIVO</translation>
    </message>
    <message>
        <source>TOTAL</source>
        <translation>TOTALE</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Totale</translation>
    </message>
    <message>
        <source>SO FAR</source>
        <translation>FINORA</translation>
    </message>
    <message>
        <source>So far</source>
        <translation>Finora</translation>
    </message>
    <message>
        <source>running</source>
        <translation>in marcia</translation>
    </message>
    <message>
        <source>local clock</source>
        <translation>orologio del computer</translation>
    </message>
    <message>
        <source>no stage</source>
        <translation>nessuna tappa</translation>
    </message>
    <message>
        <source>no sync yet</source>
        <translation>non ancora sincronizzato</translation>
    </message>
    <message>
        <source>Not synced</source>
        <translation>Non sincronizzato</translation>
    </message>
    <message>
        <source>Stage ended</source>
        <translation>Tappa chiusa</translation>
    </message>
    <message>
        <source>Stage done</source>
        <translation>Tappa completata</translation>
    </message>
    <message>
        <source>press at the start line</source>
        <translation>premi sulla linea di partenza</translation>
    </message>
    <message>
        <source>press at the start marker: the schedule starts then</source>
        <translation>premi al cartello di partenza: la tabella di marcia parte allora</translation>
    </message>
    <message>
        <source>sync the official time first (T)</source>
        <translation>sincronizza prima l&apos;ora ufficiale (T)</translation>
    </message>
    <message>
        <source>double press? Backspace undoes it</source>
        <translation>doppia pressione? Backspace la annulla</translation>
    </message>
    <message>
        <source>double press?</source>
        <translation>doppia pressione?</translation>
    </message>
    <message>
        <source>NOT SYNCED</source>
        <translation>NON SINCRONIZZATO</translation>
    </message>
    <message>
        <source>press T to set the official time</source>
        <translation>premi T per impostare l&apos;ora ufficiale</translation>
    </message>
    <message>
        <source>a press still records</source>
        <translation>una pressione viene comunque registrata</translation>
    </message>
    <message>
        <source>timed trial</source>
        <translation>prova cronometrata</translation>
    </message>
    <message>
        <source>time control</source>
        <translation>controllo orario</translation>
    </message>
    <message>
        <source>average trial</source>
        <translation>prova di media</translation>
    </message>
    <message>
        <source>timed</source>
        <translation>prova cronometrata</translation>
    </message>
    <message>
        <source>time-control</source>
        <translation>controllo orario</translation>
    </message>
    <message>
        <source>average</source>
        <translation>prova di media</translation>
    </message>
    <message>
        <source>start</source>
        <translation>partenza</translation>
    </message>
    <message>
        <source>time card</source>
        <translation>tabella di marcia</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>mancato</translation>
    </message>
    <message>
        <source>void</source>
        <translation>annullato</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>in attesa</translation>
    </message>
    <message>
        <source>discarded</source>
        <translation>scartato</translation>
    </message>
    <message>
        <source>capped</source>
        <translation>al massimo</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>saltato</translation>
    </message>
    <message>
        <source>early</source>
        <translation>anticipo</translation>
    </message>
    <message>
        <source>late</source>
        <translation>ritardo</translation>
    </message>
    <message>
        <source>on time</source>
        <translation>in orario</translation>
    </message>
    <message>
        <source>no line</source>
        <translation>nessuna linea</translation>
    </message>
    <message>
        <source>no start</source>
        <translation>nessuna partenza</translation>
    </message>
    <message>
        <source>end of the trial</source>
        <translation>fine della prova</translation>
    </message>
    <message>
        <source>higher is better</source>
        <translation>vince il più alto</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>in corso</translation>
    </message>
    <message>
        <source>not yet driven</source>
        <translation>non ancora percorso</translation>
    </message>
    <message>
        <source>log missing</source>
        <translation>registro mancante</translation>
    </message>
    <message>
        <source>stage missing</source>
        <translation>tappa mancante</translation>
    </message>
    <message>
        <source>no log yet</source>
        <translation>ancora nessun registro</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation>illeggibile</translation>
    </message>
    <message>
        <source>GPS lost</source>
        <translation>GPS perso</translation>
    </message>
    <message>
        <source>GPS: waiting for a fix</source>
        <translation>GPS: in attesa del segnale</translation>
    </message>
    <message>
        <source>car · GPS</source>
        <translation>vettura · GPS</translation>
    </message>
    <message>
        <source>ahead/behind: no distance</source>
        <translation>anticipo/ritardo: nessuna distanza</translation>
    </message>
    <message>
        <source>ideal</source>
        <translation>ideale</translation>
    </message>
    <message>
        <source>end</source>
        <translation>fine</translation>
    </message>
    <message>
        <source>GPS off</source>
        <translation>GPS spento</translation>
    </message>
    <message>
        <source>average trial from the start press</source>
        <translation>prova di media dalla pressione di partenza</translation>
    </message>
    <message>
        <source>no crew entered (C, before the stage starts)</source>
        <translation>nessun equipaggio inserito (C, prima dell&apos;inizio della tappa)</translation>
    </message>
    <message>
        <source>no distance source: compare with the trip meter (K: confirm a landmark)</source>
        <translation>nessuna fonte di distanza: confronta con il tripmaster (K: conferma un riferimento)</translation>
    </message>
    <message>
        <source>no official-time sync before the pass, so it cannot be scored</source>
        <translation>nessuna sincronizzazione dell&apos;ora ufficiale prima del passaggio: non si può calcolare</translation>
    </message>
    <message>
        <source>average-speed trial</source>
        <translation>prova di media</translation>
    </message>
    <message>
        <source>press</source>
        <translation>pressione</translation>
    </message>
    <message>
        <source>each target timed from the line before</source>
        <translation>ogni tempo imposto dalla linea precedente</translation>
    </message>
    <message>
        <source>each target timed from the first line</source>
        <translation>ogni tempo imposto dalla prima linea</translation>
    </message>
    <message>
        <source>starts at the press at the start marker (ideals after the press)</source>
        <translation>parte alla pressione al cartello di partenza (tempi ideali dalla pressione)</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>linea %1</translation>
    </message>
    <message>
        <source>check %1</source>
        <translation>rilevamento %1</translation>
    </message>
    <message>
        <source>from line %1</source>
        <translation>dalla linea %1</translation>
    </message>
    <message>
        <source>%1 from line 1</source>
        <translation>%1 dalla linea 1</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>previsto %1</translation>
    </message>
    <message>
        <source>ideal %1</source>
        <translation>ideale %1</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>alle %1</translation>
    </message>
    <message>
        <source>LAP %1</source>
        <translation>GIRO %1</translation>
    </message>
    <message>
        <source>SPLIT %1</source>
        <translation>INTERMEDIO %1</translation>
    </message>
    <message>
        <source>Total %1</source>
        <translation>Totale %1</translation>
    </message>
    <message>
        <source>So far %1</source>
        <translation>Finora %1</translation>
    </message>
    <message>
        <source>%1 pts</source>
        <translation>%1 pt</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 discarded</source>
        <translation>%1 scartati</translation>
    </message>
    <message>
        <source>coefficient %1</source>
        <translation>coefficiente %1</translation>
    </message>
    <message>
        <source>car factor %1 reported, not applied</source>
        <translation>fattore vettura %1 indicato, non applicato</translation>
    </message>
    <message>
        <source>penalties counted %1</source>
        <translation>penalità conteggiate %1</translation>
    </message>
    <message>
        <source>Synced %1 ago</source>
        <translation>Sincronizzato %1 fa</translation>
    </message>
    <message>
        <source>in your minute, %1 s left</source>
        <translation>nel tuo minuto, restano %1 s</translation>
    </message>
    <message>
        <source>+%1 min late</source>
        <translation>+%1 min di ritardo</translation>
    </message>
    <message>
        <source>average trial from %1</source>
        <translation>prova di media dalle %1</translation>
    </message>
    <message>
        <source>ahead %1</source>
        <translation>anticipo %1</translation>
    </message>
    <message>
        <source>%1 m ahead</source>
        <translation>%1 m avanti</translation>
    </message>
    <message>
        <source>%1 m behind</source>
        <translation>%1 m indietro</translation>
    </message>
    <message>
        <source>start in %1</source>
        <translation>partenza tra %1</translation>
    </message>
    <message>
        <source>in %1 m</source>
        <translation>tra %1 m</translation>
    </message>
    <message>
        <source>%1 at km %2</source>
        <translation>%1 al km %2</translation>
    </message>
    <message>
        <source>car · %1 ago</source>
        <translation>vettura · %1 fa</translation>
    </message>
    <message>
        <source>distance from a landmark %1 ago</source>
        <translation>distanza da un riferimento di %1 fa</translation>
    </message>
    <message>
        <source>landmark %1</source>
        <translation>riferimento %1</translation>
    </message>
    <message>
        <source>GPS lost %1</source>
        <translation>GPS perso %1</translation>
    </message>
    <message>
        <source>reset %1</source>
        <translation>azzeramento %1</translation>
    </message>
    <message>
        <source>GPS: no fix for %1</source>
        <translation>GPS: nessuna posizione da %1</translation>
    </message>
    <message>
        <source>GPS: last fix %1 ago</source>
        <translation>GPS: ultima posizione %1 fa</translation>
    </message>
    <message>
        <source>%1 satellites</source>
        <translation>%1 satelliti</translation>
    </message>
    <message>
        <source>%1 rejected</source>
        <translation>%1 scartate</translation>
    </message>
    <message>
        <source>distance not live</source>
        <translation>distanza non in tempo reale</translation>
    </message>
    <message>
        <source>behind %1</source>
        <translation>ritardo %1</translation>
    </message>
    <message>
        <source>hold %1</source>
        <translation>tieni %1</translation>
    </message>
    <message>
        <source>%1 then</source>
        <translation>%1 allora</translation>
    </message>
    <message>
        <source>%1 s late</source>
        <translation>%1 s di ritardo</translation>
    </message>
    <message>
        <source>%1 s early</source>
        <translation>%1 s di anticipo</translation>
    </message>
    <message>
        <source>Undone: %1 (Backspace again undoes the action before it)</source>
        <translation>Annullato: %1 (Backspace di nuovo annulla l&apos;azione precedente)</translation>
    </message>
    <message>
        <source>the pass of %1</source>
        <translation>il passaggio di %1</translation>
    </message>
    <message>
        <source>the sync to %1</source>
        <translation>la sincronizzazione alle %1</translation>
    </message>
    <message>
        <source>the skip of %1</source>
        <translation>il salto di %1</translation>
    </message>
    <message>
        <source>the choice of %1</source>
        <translation>la scelta di %1</translation>
    </message>
    <message>
        <source>the start press of %1</source>
        <translation>la pressione di partenza di %1</translation>
    </message>
    <message>
        <source>Resume %1 (%2)</source>
        <translation>Riprendi %1 (%2)</translation>
    </message>
    <message>
        <source>%1 pass</source>
        <translation>%1 passaggio</translation>
    </message>
    <message>
        <source>%1 passes</source>
        <translation>%1 passaggi</translation>
    </message>
    <message>
        <source>last at %1</source>
        <translation>l&apos;ultimo alle %1</translation>
    </message>
    <message>
        <source>%1 of %2 days driven</source>
        <translation>%1 di %2 giorni percorsi</translation>
    </message>
    <message>
        <source>%1 of %2 day driven</source>
        <translation>%1 di %2 giorno percorso</translation>
    </message>
    <message>
        <source>total %1</source>
        <translation>totale %1</translation>
    </message>
    <message>
        <source>%1 discarded over the event</source>
        <translation>%1 scartati sull&apos;intero evento</translation>
    </message>
    <message>
        <source>%1 lines</source>
        <translation>%1 linee</translation>
    </message>
    <message>
        <source>%1 sections</source>
        <translation>%1 sezioni</translation>
    </message>
    <message>
        <source>%1 section</source>
        <translation>%1 sezione</translation>
    </message>
    <message>
        <source>%1 passes to record</source>
        <translation>%1 passaggi da rilevare</translation>
    </message>
    <message>
        <source>%1 pass to record</source>
        <translation>%1 passaggio da rilevare</translation>
    </message>
    <message>
        <source>%1 checks</source>
        <translation>%1 rilevamenti</translation>
    </message>
    <message>
        <source>%1 check</source>
        <translation>%1 rilevamento</translation>
    </message>
    <message>
        <source>then %1 km/h from km %2</source>
        <translation>poi %1 km/h dal km %2</translation>
    </message>
    <message>
        <source>%1 km/h</source>
        <translation>%1 km/h</translation>
    </message>
    <message>
        <source>start %1</source>
        <translation>partenza %1</translation>
    </message>
    <message>
        <source>scored as %1</source>
        <translation>valutato come %1</translation>
    </message>
    <message>
        <source>Scoring (%1): the exact ideal is rounded to the nearest %2 before it is compared; this card shows it cut to the hundredth.</source>
        <translation>Punteggio (%1): il tempo ideale esatto è arrotondato al multiplo più vicino di %2 prima del confronto; questa tabella lo mostra troncato al centesimo.</translation>
    </message>
    <message>
        <source>Scoring (%1): the exact ideal is cut down to the %2 before it is compared; this card shows it cut to the hundredth.</source>
        <translation>Punteggio (%1): il tempo ideale esatto è troncato a un multiplo di %2 prima del confronto; questa tabella lo mostra troncato al centesimo.</translation>
    </message>
    <message>
        <source>Scoring (%1): the exact ideal is rounded to the nearest %2 before it is compared; this table shows it cut to the hundredth.</source>
        <translation>Punteggio (%1): il tempo ideale esatto è arrotondato al multiplo più vicino di %2 prima del confronto; questa tabella lo mostra troncato al centesimo.</translation>
    </message>
    <message>
        <source>Scoring (%1): the exact ideal is cut down to the %2 before it is compared; this table shows it cut to the hundredth.</source>
        <translation>Punteggio (%1): il tempo ideale esatto è troncato a un multiplo di %2 prima del confronto; questa tabella lo mostra troncato al centesimo.</translation>
    </message>
</context>
<context>
    <name>ReplayPanel</name>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausa</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>&amp;Riproduci</translation>
    </message>
    <message>
        <source>Pre&amp;vious pass</source>
        <translation>Passaggio &amp;precedente</translation>
    </message>
    <message>
        <source>&amp;Next pass</source>
        <translation>Passaggio &amp;successivo</translation>
    </message>
    <message>
        <source>To the &amp;start</source>
        <translation>All&apos;&amp;inizio</translation>
    </message>
    <message>
        <source>To the &amp;end</source>
        <translation>Alla &amp;fine</translation>
    </message>
    <message>
        <source>Speed x%1</source>
        <translation>Velocità x%1</translation>
    </message>
    <message>
        <source>&amp;Copy rows</source>
        <translation>&amp;Copia le righe</translation>
    </message>
    <message>
        <source>◀ pass</source>
        <translation>◀ passaggio</translation>
    </message>
    <message>
        <source>pass ▶</source>
        <translation>passaggio ▶</translation>
    </message>
</context>
<context>
    <name>ReplayWindow</name>
    <message>
        <source>Stage logs (*.mmlog);;All files (*)</source>
        <translation>Registri di tappa (*.mmlog);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>CSV, comma-separated, decimal point (*.csv)</source>
        <translation>CSV, separato da virgole, punto decimale (*.csv)</translation>
    </message>
    <message>
        <source>CSV, EU: semicolons, decimal commas (*.csv)</source>
        <translation>CSV, UE: punti e virgola, virgola decimale (*.csv)</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Immagine PNG (*.png)</translation>
    </message>
    <message>
        <source>Click a bar of the plot</source>
        <translation>Clic su una barra del grafico</translation>
    </message>
    <message>
        <source>Select its row and move the replay to its pass</source>
        <translation>Seleziona la sua riga e porta la riproduzione al suo passaggio</translation>
    </message>
    <message>
        <source>Double-click a row of the table</source>
        <translation>Doppio clic su una riga della tabella</translation>
    </message>
    <message>
        <source>Move the replay to that line&apos;s pass</source>
        <translation>Porta la riproduzione al passaggio di quella linea</translation>
    </message>
    <message>
        <source>Drag the slider</source>
        <translation>Trascina il cursore</translation>
    </message>
    <message>
        <source>Move the replay to any instant</source>
        <translation>Porta la riproduzione a un istante qualsiasi</translation>
    </message>
    <message>
        <source>The replay keys act while the replay has the keyboard focus. A replay only reads its log: nothing is recorded or changed.</source>
        <translation>I tasti della riproduzione agiscono quando la riproduzione ha il fuoco della tastiera. Una riproduzione legge soltanto il suo registro: non si registra né si modifica nulla.</translation>
    </message>
    <message>
        <source>Export results</source>
        <translation>Esporta i risultati</translation>
    </message>
    <message>
        <source>%1 exists already. Replace it?</source>
        <translation>%1 esiste già. Sostituirlo?</translation>
    </message>
    <message>
        <source>%1: that is the log itself</source>
        <translation>%1: è il registro stesso</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: impossibile scrivere: %2</translation>
    </message>
    <message>
        <source>reading the log…</source>
        <translation>lettura del registro…</translation>
    </message>
    <message>
        <source>log</source>
        <translation>registro</translation>
    </message>
    <message>
        <source>%1 - %2 - mmtimer replay</source>
        <translation>%1 - %2 - riproduzione mmtimer</translation>
    </message>
    <message>
        <source>&amp;Open a log…</source>
        <translation>&amp;Apri un registro…</translation>
    </message>
    <message>
        <source>Co&amp;mpare with another log…</source>
        <translation>C&amp;onfronta con un altro registro…</translation>
    </message>
    <message>
        <source>&amp;Stop comparing</source>
        <translation>&amp;Termina il confronto</translation>
    </message>
    <message>
        <source>E&amp;xport results (CSV)…</source>
        <translation>&amp;Esporta i risultati (CSV)…</translation>
    </message>
    <message>
        <source>Export the &amp;plot (PNG)…</source>
        <translation>Esporta il &amp;grafico (PNG)…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Chiudi</translation>
    </message>
    <message>
        <source>&amp;Plots</source>
        <translation>&amp;Grafici</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Scorciatoie da tastiera</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Modifica</translation>
    </message>
    <message>
        <source>&amp;Replay</source>
        <translation>&amp;Riproduzione</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Visualizza</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aiuto</translation>
    </message>
    <message>
        <source>Cannot open the log</source>
        <translation>Impossibile aprire il registro</translation>
    </message>
    <message>
        <source>Replay a stage log</source>
        <translation>Riproduci un registro di tappa</translation>
    </message>
    <message>
        <source>Compare with another log of this stage</source>
        <translation>Confronta con un altro registro di questa tappa</translation>
    </message>
    <message>
        <source>Cannot compare with this log</source>
        <translation>Impossibile confrontare con questo registro</translation>
    </message>
    <message>
        <source>The two logs&apos; stages differ: only the lines they share are compared</source>
        <translation>Le tappe dei due registri sono diverse: si confrontano solo le linee in comune</translation>
    </message>
    <message>
        <source>Results written to %1</source>
        <translation>Risultati scritti in %1</translation>
    </message>
    <message>
        <source>Export the plot</source>
        <translation>Esporta il grafico</translation>
    </message>
    <message>
        <source>%1: could not write the image</source>
        <translation>%1: impossibile scrivere l&apos;immagine</translation>
    </message>
    <message numerus="yes">
        <source>%n note(s) on this log</source>
        <translation>
            <numerusform>%n nota su questo registro</numerusform>
            <numerusform>%n note su questo registro</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 shares %2 of the %3 measurements of %4: compare two logs of the same stage</source>
        <translation>%1 ha in comune %2 delle %3 misure di %4: confronta due registri della stessa tappa</translation>
    </message>
</context>
<context>
    <name>ResultsDock</name>
    <message>
        <source>Results</source>
        <translation>Risultati</translation>
    </message>
    <message>
        <source>&amp;Copy rows</source>
        <translation>&amp;Copia le righe</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <source>Section</source>
        <translation>Sezione</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Linea</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Imposto</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>Misurato</translation>
    </message>
    <message>
        <source>Deviation</source>
        <translation>Scarto</translation>
    </message>
    <message>
        <source>Penalty</source>
        <translation>Penalità</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Punti</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Delta</source>
        <translation>Differenza</translation>
    </message>
    <message>
        <source>Meas.</source>
        <translation>Mis.</translation>
    </message>
    <message>
        <source>Dev.</source>
        <translation>Scarto</translation>
    </message>
    <message>
        <source>Pen.</source>
        <translation>Pen.</translation>
    </message>
    <message>
        <source>Pts</source>
        <translation>Pt</translation>
    </message>
    <message>
        <source>Δ pen.</source>
        <translation>Δ pen.</translation>
    </message>
    <message>
        <source>%2&apos;s penalty minus %1&apos;s (positive: %2 lost more)</source>
        <translation>Penalità di %2 meno quella di %1 (positivo: %2 ha perso di più)</translation>
    </message>
    <message>
        <source>on time (to 1/100 s)</source>
        <translation>in orario (al centesimo)</translation>
    </message>
    <message>
        <source>%1 s late</source>
        <translation>%1 s di ritardo</translation>
    </message>
    <message>
        <source>%1 s early</source>
        <translation>%1 s di anticipo</translation>
    </message>
</context>
<context>
    <name>ResultsPlot</name>
    <message>
        <source>Results plots</source>
        <translation>Grafici dei risultati</translation>
    </message>
    <message>
        <source>deviation (s)</source>
        <translation>scarto (s)</translation>
    </message>
    <message>
        <source>penalty, cumulative</source>
        <translation>penalità, cumulata</translation>
    </message>
    <message>
        <source>first run</source>
        <translation>primo registro</translation>
    </message>
    <message>
        <source>second run</source>
        <translation>secondo registro</translation>
    </message>
</context>
<context>
    <name>ResumeDialog</name>
    <message>
        <source>Resume the stage log?</source>
        <translation>Riprendere il registro della tappa?</translation>
    </message>
    <message>
        <source>This stage was kept open when mmtimer was last closed: its log waits to be resumed.</source>
        <translation>Questa tappa è stata tenuta aperta all&apos;ultima chiusura di mmtimer: il suo registro attende di essere ripreso.</translation>
    </message>
    <message>
        <source>This stage has a log that was not closed: mmtimer stopped before the stage ended.</source>
        <translation>Questa tappa ha un registro non chiuso: mmtimer si è fermato prima della fine della tappa.</translation>
    </message>
    <message>
        <source>Its last line was cut short by the crash: resuming keeps it in a file next to the log.</source>
        <translation>La sua ultima riga è stata troncata dall&apos;arresto: riprendendo la si conserva in un file accanto al registro.</translation>
    </message>
    <message>
        <source>Resume it to carry on where it stopped (passes, syncs, crew, the armed line), or start a new log for this stage.</source>
        <translation>Riprendilo per continuare da dove si è fermato (passaggi, sincronizzazioni, equipaggio, la linea armata), oppure inizia un nuovo registro per questa tappa.</translation>
    </message>
    <message>
        <source>Start a new log</source>
        <translation>Inizia un nuovo registro</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>%1: give seconds before the target, from -600 to 0</source>
        <translation>%1: indica i secondi prima dell&apos;obiettivo, da -600 a 0</translation>
    </message>
    <message>
        <source>Triggers and beeps</source>
        <translation>Comandi e segnali acustici</translation>
    </message>
    <message>
        <source>Trigger keys (a press records a pass)</source>
        <translation>Tasti di comando (una pressione registra un passaggio)</translation>
    </message>
    <message>
        <source>Guard time (a faster second press is flagged)</source>
        <translation>Tempo di guardia (una seconda pressione più rapida viene segnalata)</translation>
    </message>
    <message>
        <source>Countdown beeps</source>
        <translation>Segnali del conto alla rovescia</translation>
    </message>
    <message>
        <source>Sound (the flash is always shown)</source>
        <translation>Suono (il lampeggio è sempre mostrato)</translation>
    </message>
    <message>
        <source>Start each beep this much early to make up for the audio latency</source>
        <translation>Anticipa ogni segnale di tanto per compensare la latenza audio</translation>
    </message>
    <message>
        <source>Short beeps at (s)</source>
        <translation>Segnali brevi a (s)</translation>
    </message>
    <message>
        <source>Long beeps at (s)</source>
        <translation>Segnali lunghi a (s)</translation>
    </message>
    <message>
        <source>Output lead</source>
        <translation>Anticipo di uscita</translation>
    </message>
    <message>
        <source>choose at least one trigger key</source>
        <translation>scegli almeno un tasto di comando</translation>
    </message>
    <message>
        <source>short beeps</source>
        <translation>segnali brevi</translation>
    </message>
    <message>
        <source>long beeps</source>
        <translation>segnali lunghi</translation>
    </message>
</context>
<context>
    <name>StageEditor</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Salva</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>Salva con &amp;nome…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Chiudi</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Modifica</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annulla</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Ripeti</translation>
    </message>
    <message>
        <source>&amp;Paste from the road book…</source>
        <translation>&amp;Incolla dal road book…</translation>
    </message>
    <message>
        <source>&amp;Section</source>
        <translation>&amp;Sezione</translation>
    </message>
    <message>
        <source>Add a &amp;timed trial</source>
        <translation>Aggiungi una prova &amp;cronometrata</translation>
    </message>
    <message>
        <source>Add a time &amp;control</source>
        <translation>Aggiungi un controllo &amp;orario</translation>
    </message>
    <message>
        <source>Add an &amp;average trial</source>
        <translation>Aggiungi una prova di &amp;media</translation>
    </message>
    <message>
        <source>&amp;Insert above</source>
        <translation>&amp;Inserisci sopra</translation>
    </message>
    <message>
        <source>&amp;Delete the row</source>
        <translation>&amp;Elimina la riga</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Sposta in &amp;alto</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Sposta in &amp;basso</translation>
    </message>
    <message>
        <source>Rule set {0}</source>
        <translation>Regolamento {0}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Regolamento</translation>
    </message>
    <message numerus="yes">
        <source>%n section(s)</source>
        <translation>
            <numerusform>%n sezione</numerusform>
            <numerusform>%n sezioni</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n linea</numerusform>
            <numerusform>%n linee</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n trial(s)</source>
        <translation>
            <numerusform>%n prova</numerusform>
            <numerusform>%n prove</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n time control(s)</source>
        <translation>
            <numerusform>%n controllo orario</numerusform>
            <numerusform>%n controlli orari</numerusform>
        </translation>
    </message>
    <message>
        <source>first due {0}</source>
        <translation>prima ora prevista {0}</translation>
    </message>
    <message>
        <source>last due {0}</source>
        <translation>ultima ora prevista {0}</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) to put right</source>
        <translation>
            <numerusform>%n riga da correggere</numerusform>
            <numerusform>%n righe da correggere</numerusform>
        </translation>
    </message>
    <message>
        <source>new stage</source>
        <translation>nuova tappa</translation>
    </message>
    <message>
        <source>{0}{1} - mmtimer stage editor</source>
        <translation>{0}{1} - editor di tappa mmtimer</translation>
    </message>
    <message>
        <source>Add {0}</source>
        <translation>Aggiungi {0}</translation>
    </message>
    <message>
        <source>Insert {0}</source>
        <translation>Inserisci {0}</translation>
    </message>
    <message>
        <source>Delete {0}</source>
        <translation>Elimina {0}</translation>
    </message>
    <message>
        <source>Move {0}</source>
        <translation>Sposta {0}</translation>
    </message>
    <message>
        <source>Nothing to paste</source>
        <translation>Niente da incollare</translation>
    </message>
    <message>
        <source>Paste {0} sections</source>
        <translation>Incolla {0} sezioni</translation>
    </message>
    <message>
        <source>{0} sections pasted from the road book</source>
        <translation>{0} sezioni incollate dal road book</translation>
    </message>
    <message>
        <source>Stage not saved</source>
        <translation>Tappa non salvata</translation>
    </message>
    <message>
        <source>Not saved: {0}</source>
        <translation>Non salvato: {0}</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>Salvato {0}</translation>
    </message>
    <message>
        <source>the new stage</source>
        <translation>la nuova tappa</translation>
    </message>
    <message>
        <source>Cannot edit the stage</source>
        <translation>Impossibile modificare la tappa</translation>
    </message>
    <message>
        <source>&amp;Legs: the time controls from one section to another take the factor (Ctrl+L adds a leg, Ctrl+Shift+L deletes it)</source>
        <translation>Se&amp;ttori: i controlli orari da una sezione a un&apos;altra prendono il fattore (Ctrl+L aggiunge un settore, Ctrl+Maiusc+L lo elimina)</translation>
    </message>
    <message>
        <source>Stages (*.stage.toml);;All files (*)</source>
        <translation>Tappe (*.stage.toml);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifiche non salvate</translation>
    </message>
    <message>
        <source>Save the changes to {0}?</source>
        <translation>Salvare le modifiche a {0}?</translation>
    </message>
    <message>
        <source>Save stage</source>
        <translation>Salva la tappa</translation>
    </message>
    <message>
        <source>Add a &amp;leg</source>
        <translation>Aggiungi un &amp;settore</translation>
    </message>
    <message>
        <source>Add leg {0}</source>
        <translation>Aggiungi il settore {0}</translation>
    </message>
    <message>
        <source>Delete leg {0}</source>
        <translation>Elimina il settore {0}</translation>
    </message>
    <message>
        <source>Delete the l&amp;eg</source>
        <translation>Elimina il se&amp;ttore</translation>
    </message>
    <message>
        <source>Legs</source>
        <translation>Settori</translation>
    </message>
    <message>
        <source>Max late (min)</source>
        <translation>Ritardo max (min)</translation>
    </message>
</context>
<context>
    <name>StageExport</name>
    <message>
        <source>Open a stage, or a log (File &gt; Open), to export</source>
        <translation>Apri una tappa o un registro (File &gt; Apri) per esportare</translation>
    </message>
    <message>
        <source>Results written to %1</source>
        <translation>Risultati scritti in %1</translation>
    </message>
</context>
<context>
    <name>StageOpen</name>
    <message>
        <source>Cannot open the log</source>
        <translation>Impossibile aprire il registro</translation>
    </message>
    <message>
        <source>Cannot open the stage</source>
        <translation>Impossibile aprire la tappa</translation>
    </message>
    <message>
        <source>Cannot resume %1</source>
        <translation>Impossibile riprendere %1</translation>
    </message>
    <message>
        <source>Cannot resume the log</source>
        <translation>Impossibile riprendere il registro</translation>
    </message>
    <message>
        <source>Could not resume %1 (%2): a new log starts</source>
        <translation>Impossibile riprendere %1 (%2): inizia un nuovo registro</translation>
    </message>
    <message>
        <source>Resumed %1: %2</source>
        <translation>Ripreso %1: %2</translation>
    </message>
    <message>
        <source>%1 saved: the change applies from the next start of this stage (the log under way keeps the stage it started with)</source>
        <translation>%1 salvato: la modifica vale dalla prossima partenza di questa tappa (il registro in corso mantiene la tappa con cui è iniziato)</translation>
    </message>
    <message>
        <source>%1 saved, but not opened again here: %2</source>
        <translation>%1 salvato, ma non riaperto qui: %2</translation>
    </message>
    <message>
        <source>%1 saved and opened again: %2</source>
        <translation>%1 salvato e riaperto: %2</translation>
    </message>
    <message>
        <source>Log: %1 (resumed)</source>
        <translation>Registro: %1 (ripreso)</translation>
    </message>
    <message>
        <source>Log: %1</source>
        <translation>Registro: %1</translation>
    </message>
    <message>
        <source>Every press is written and flushed to disk at once</source>
        <translation>Ogni pressione è scritta e salvata subito su disco</translation>
    </message>
    <message>
        <source>Open a stage first (File &gt; Open)</source>
        <translation>Apri prima una tappa (File &gt; Apri)</translation>
    </message>
    <message>
        <source>No log of this stage was left open in %1</source>
        <translation>Nessun registro di questa tappa è rimasto aperto in %1</translation>
    </message>
</context>
<context>
    <name>StagePanel</name>
    <message>
        <source>Section / line</source>
        <translation>Sezione / linea</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Imposto</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Risultato</translation>
    </message>
    <message>
        <source>Stage sections and lines</source>
        <translation>Sezioni e linee della tappa</translation>
    </message>
</context>
<context>
    <name>StageSettings</name>
    <message>
        <source>This stage&apos;s log has started with the crew it had; the new crew goes into the next stage&apos;s log</source>
        <translation>Il registro di questa tappa è iniziato con l&apos;equipaggio di allora; il nuovo equipaggio va nel registro della prossima tappa</translation>
    </message>
</context>
<context>
    <name>StageSync</name>
    <message>
        <source>Open a stage to sync its official time</source>
        <translation>Apri una tappa per sincronizzarne l&apos;ora ufficiale</translation>
    </message>
    <message>
        <source>Sync the official time first (T)</source>
        <translation>Sincronizza prima l&apos;ora ufficiale (T)</translation>
    </message>
</context>
<context>
    <name>StageTableModel</name>
    <message>
        <source>Id</source>
        <translation>Sigla</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Targets (s)</source>
        <translation>Tempi imposti (s)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Da</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Previsto</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Partenza</translation>
    </message>
    <message>
        <source>Average km/h</source>
        <translation>Media km/h</translation>
    </message>
    <message>
        <source>Checks (km)</source>
        <translation>Rilevamenti (km)</translation>
    </message>
    <message>
        <source>Landmarks (km label | …)</source>
        <translation>Riferimenti (km nome | …)</translation>
    </message>
    <message>
        <source>Leg factor</source>
        <translation>Fattore del settore</translation>
    </message>
    <message>
        <source>Max late (min)</source>
        <translation>Ritardo max (min)</translation>
    </message>
    <message>
        <source>Type {0} in {1}</source>
        <translation>Scrivi {0} in {1}</translation>
    </message>
    <message>
        <source>row {0}</source>
        <translation>riga {0}</translation>
    </message>
</context>
<context>
    <name>StageTerms</name>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nome</translation>
    </message>
    <message>
        <source>&amp;Rules</source>
        <translation>&amp;Regolamento</translation>
    </message>
    <message>
        <source>A built-in rule set, a .rules.toml file beside the stage, or Other file… to pick one anywhere (the stage names it by its path from the stage&apos;s folder)</source>
        <translation>Un regolamento incluso, un file .rules.toml accanto alla tappa, oppure Altro file… per sceglierne uno ovunque (la tappa lo indica con il percorso dalla sua cartella)</translation>
    </message>
    <message>
        <source>A rule set for the stage</source>
        <translation>Un regolamento per la tappa</translation>
    </message>
    <message>
        <source>GPS allowed</source>
        <translation>GPS ammesso</translation>
    </message>
    <message>
        <source>Max la&amp;te (min)</source>
        <translation>Ritardo ma&amp;x (min)</translation>
    </message>
    <message>
        <source>Max late {0}</source>
        <translation>Ritardo massimo {0}</translation>
    </message>
    <message>
        <source>Name the stage</source>
        <translation>Dai un nome alla tappa</translation>
    </message>
    <message>
        <source>Off: the event bans GPS (the stage&apos;s gps = false)</source>
        <translation>Spento: l&apos;evento vieta il GPS (gps = false nella tappa)</translation>
    </message>
    <message>
        <source>Other file…</source>
        <translation>Altro file…</translation>
    </message>
    <message>
        <source>Rule set {0}</source>
        <translation>Regolamento {0}</translation>
    </message>
    <message>
        <source>Rule sets (*.rules.toml);;All files (*)</source>
        <translation>Regolamenti (*.rules.toml);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>The most any time control of the stage may be late, in whole minutes (the stage&apos;s max_late_min; a control&apos;s own Max late wins)</source>
        <translation>Il ritardo massimo di ogni controllo orario della tappa, in minuti interi (max_late_min della tappa; vale il Ritardo max del controllo, se indicato)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nessuno</translation>
    </message>
    <message>
        <source>the road book&apos;s name for the day</source>
        <translation>il nome del giorno nel road book</translation>
    </message>
</context>
<context>
    <name>StageWindow</name>
    <message>
        <source>In stage mode the chronograph follows the timing lines</source>
        <translation>In modalità tappa il cronografo segue le linee di cronometraggio</translation>
    </message>
    <message>
        <source>Stages and logs (*.stage.toml *.toml *.mmlog);;All files (*)</source>
        <translation>Tappe e registri (*.stage.toml *.toml *.mmlog);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>The trigger keys record a pass at the moment the key went down (the key event&apos;s own time where the system gives one), and once the stage&apos;s log has started they do so whatever window, dialog, menu or field has the keyboard: the sync&apos;s full-minute mark is M. A second press within the guard time is flagged. Backspace undoes the last action (a pass, a skip, a section choice, a sync), and again the one before; the status bar says what. Nothing is erased: an undo is a new line in the log. A stage log left open by a crash is offered for resume when its stage opens again (also File &gt; Resume a log left open), so the stage stays in one log. Stage &gt; End stage ends it for good; quitting before every line is done asks, and by default keeps the stage open to resume. The dial is the current trial&apos;s chronograph: the Chronograph keys and pushers act only with no stage open.</source>
        <translation>I tasti di comando registrano un passaggio nell&apos;istante in cui il tasto è stato premuto (l&apos;ora dell&apos;evento stesso, dove il sistema la fornisce) e, una volta iniziato il registro della tappa, lo fanno qualunque finestra, dialogo, menu o campo abbia la tastiera: il segno del minuto pieno della sincronizzazione è M. Una seconda pressione entro il tempo di guardia viene segnalata. Backspace annulla l&apos;ultima azione (un passaggio, un salto, una scelta di sezione, una sincronizzazione), e ancora quella prima; la barra di stato dice quale. Nulla si cancella: un annullamento è una nuova riga nel registro. Un registro di tappa rimasto aperto per un arresto viene offerto per la ripresa quando la tappa si riapre (anche File &gt; Riprendi un registro rimasto aperto), così la tappa resta in un solo registro. Tappa &gt; Chiudi la tappa la chiude definitivamente; uscire prima di aver registrato ogni linea chiede conferma e, di norma, tiene la tappa aperta per riprenderla. Il quadrante è il cronografo della prova in corso: i tasti e i pulsanti del cronografo agiscono solo senza una tappa aperta.</translation>
    </message>
    <message>
        <source>Click PASS</source>
        <translation>Clic su PASSAGGIO</translation>
    </message>
    <message>
        <source>Record a pass (mouse or touch)</source>
        <translation>Registra un passaggio (mouse o tocco)</translation>
    </message>
    <message>
        <source>M (in Official time)</source>
        <translation>M (in Ora ufficiale)</translation>
    </message>
    <message>
        <source>Mark the official full minute (second 00)</source>
        <translation>Segna il minuto pieno ufficiale (secondo 00)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Apri…</translation>
    </message>
    <message>
        <source>&amp;New stage…</source>
        <translation>&amp;Nuova tappa…</translation>
    </message>
    <message>
        <source>Edit &amp;stage…</source>
        <translation>Modifica &amp;tappa…</translation>
    </message>
    <message>
        <source>Res&amp;ume a log left open…</source>
        <translation>&amp;Riprendi un registro rimasto aperto…</translation>
    </message>
    <message>
        <source>&amp;Record a pass</source>
        <translation>&amp;Registra un passaggio</translation>
    </message>
    <message>
        <source>&amp;Undo the last action</source>
        <translation>&amp;Annulla l&apos;ultima azione</translation>
    </message>
    <message>
        <source>S&amp;kip the armed line</source>
        <translation>Sa&amp;lta la linea armata</translation>
    </message>
    <message>
        <source>&amp;Go to a line…</source>
        <translation>&amp;Vai a una linea…</translation>
    </message>
    <message>
        <source>Official &amp;time…</source>
        <translation>&amp;Ora ufficiale…</translation>
    </message>
    <message>
        <source>Official time +0.1 s</source>
        <translation>Ora ufficiale +0.1 s</translation>
    </message>
    <message>
        <source>Official time -0.1 s</source>
        <translation>Ora ufficiale -0.1 s</translation>
    </message>
    <message>
        <source>&amp;Crew…</source>
        <translation>&amp;Equipaggio…</translation>
    </message>
    <message>
        <source>Triggers and &amp;beeps…</source>
        <translation>Comandi e &amp;segnali acustici…</translation>
    </message>
    <message>
        <source>&amp;End stage…</source>
        <translation>&amp;Chiudi la tappa…</translation>
    </message>
    <message>
        <source>Dri&amp;ving view</source>
        <translation>Vista di &amp;guida</translation>
    </message>
    <message>
        <source>E&amp;xport results (CSV)…</source>
        <translation>Es&amp;porta i risultati (CSV)…</translation>
    </message>
    <message>
        <source>&amp;Results table</source>
        <translation>Tabella dei &amp;risultati</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Apri re&amp;centi</translation>
    </message>
    <message>
        <source>S&amp;tage</source>
        <translation>&amp;Tappa</translation>
    </message>
    <message>
        <source>Official time not synced</source>
        <translation>Ora ufficiale non sincronizzata</translation>
    </message>
    <message>
        <source>Crew and stage</source>
        <translation>Equipaggio e tappa</translation>
    </message>
    <message>
        <source>Open a stage or a log</source>
        <translation>Apri una tappa o un registro</translation>
    </message>
    <message>
        <source>Open a stage to record passes (File &gt; Open)</source>
        <translation>Apri una tappa per registrare i passaggi (File &gt; Apri)</translation>
    </message>
    <message>
        <source>Go to a line</source>
        <translation>Vai a una linea</translation>
    </message>
    <message>
        <source>Arm the line:</source>
        <translation>Arma la linea:</translation>
    </message>
    <message>
        <source>LOG NOT SAVED: %1</source>
        <translation>REGISTRO NON SALVATO: %1</translation>
    </message>
    <message>
        <source>The log is saved again</source>
        <translation>Il registro è di nuovo salvato</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <source>Mark (M)</source>
        <translation>Segna (M)</translation>
    </message>
    <message>
        <source>Space records passes, not the mark: press M (or click Mark) at second 00.</source>
        <translation>Lo spazio registra i passaggi, non il segno: premi M (o clic su Segna) al secondo 00.</translation>
    </message>
    <message>
        <source>Move official time?</source>
        <translation>Spostare l&apos;ora ufficiale?</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sincronizza</translation>
    </message>
    <message>
        <source>Official time</source>
        <translation>Ora ufficiale</translation>
    </message>
    <message>
        <source>At the official full minute</source>
        <translation>Al minuto pieno ufficiale</translation>
    </message>
    <message>
        <source>Press Mark (or M) when the official clock shows second 00.</source>
        <translation>Premi Segna (o M) quando l&apos;orologio ufficiale segna il secondo 00.</translation>
    </message>
    <message>
        <source>Set the minute</source>
        <translation>Imposta il minuto</translation>
    </message>
    <message>
        <source>Press at the official full minute (second 00); the key is M</source>
        <translation>Premi al minuto pieno ufficiale (secondo 00); il tasto è M</translation>
    </message>
    <message>
        <source>Type the official time</source>
        <translation>Scrivi l&apos;ora ufficiale</translation>
    </message>
    <message>
        <source>Type a time a few seconds ahead; press Enter when it shows.</source>
        <translation>Scrivi un&apos;ora qualche secondo avanti; premi Invio quando compare.</translation>
    </message>
    <message>
        <source>HH:MM:SS or HH:MM:SS.cc</source>
        <translation>HH:MM:SS o HH:MM:SS.cc</translation>
    </message>
    <message>
        <source>Nudge mmtimer&apos;s official time</source>
        <translation>Ritocca l&apos;ora ufficiale di mmtimer</translation>
    </message>
    <message>
        <source>-0.1 s</source>
        <translation>-0,1 s</translation>
    </message>
    <message>
        <source>+0.1 s</source>
        <translation>+0,1 s</translation>
    </message>
    <message>
        <source>Jump of the last sync</source>
        <translation>Salto dell&apos;ultima sincronizzazione</translation>
    </message>
    <message>
        <source>Not synced yet: mmtimer&apos;s official time is the computer&apos;s.</source>
        <translation>Non ancora sincronizzato: l&apos;ora ufficiale di mmtimer è quella del computer.</translation>
    </message>
    <message>
        <source>Official time %1; last sync %2 ago.</source>
        <translation>Ora ufficiale %1; ultima sincronizzazione %2 fa.</translation>
    </message>
    <message>
        <source>Not synced: you cancelled a jump of %1 s.</source>
        <translation>Non sincronizzato: hai annullato un salto di %1 s.</translation>
    </message>
    <message>
        <source>First sync: official time set.</source>
        <translation>Prima sincronizzazione: ora ufficiale impostata.</translation>
    </message>
    <message>
        <source>Last sync: official time jumped %1 s.</source>
        <translation>Ultima sincronizzazione: l&apos;ora ufficiale è saltata di %1 s.</translation>
    </message>
    <message>
        <source>This sync moves official time a long way: official time jumps %1 s (from %2 to %3). Every target from now on moves with it. Sync anyway?</source>
        <translation>Questa sincronizzazione sposta molto l&apos;ora ufficiale: salta di %1 s (da %2 a %3). Ogni obiettivo da ora in poi si sposta con essa. Sincronizzare comunque?</translation>
    </message>
    <message>
        <source>Sync once before nudging.</source>
        <translation>Sincronizza una volta prima di ritoccare.</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>&amp;Nero Corsa</source>
        <translation>&amp;Nero Corsa</translation>
    </message>
    <message>
        <source>&amp;Rosso Amarena</source>
        <translation>&amp;Rosso Amarena</translation>
    </message>
    <message>
        <source>&amp;Verde Chiaro</source>
        <translation>&amp;Verde Chiaro</translation>
    </message>
    <message>
        <source>&amp;Grigio-Blu</source>
        <translation>&amp;Grigio-Blu</translation>
    </message>
    <message>
        <source>N&amp;ight (dim)</source>
        <translation>N&amp;otte (attenuato)</translation>
    </message>
    <message>
        <source>&amp;Daylight (sun)</source>
        <translation>G&amp;iorno (sole)</translation>
    </message>
</context>
<context>
    <name>TimeTable</name>
    <message>
        <source>%1 km/h</source>
        <translation>%1 km/h</translation>
    </message>
    <message>
        <source>%1 km/h from km %2</source>
        <translation>%1 km/h dal km %2</translation>
    </message>
    <message>
        <source>starts at your press at the start marker: times are from that press</source>
        <translation>parte alla tua pressione al cartello di partenza: i tempi contano da quella pressione</translation>
    </message>
    <message>
        <source>start %1 official time</source>
        <translation>partenza alle %1 ora ufficiale</translation>
    </message>
    <message>
        <source>a row every %1 km</source>
        <translation>una riga ogni %1 km</translation>
    </message>
    <message>
        <source>km</source>
        <translation>km</translation>
    </message>
    <message>
        <source>Ideal time</source>
        <translation>Tempo ideale</translation>
    </message>
    <message>
        <source>Marks</source>
        <translation>Riferimenti</translation>
    </message>
    <message>
        <source>%1: time table</source>
        <translation>%1: tabella di marcia</translation>
    </message>
    <message>
        <source>cannot write the PDF</source>
        <translation>impossibile scrivere il PDF</translation>
    </message>
    <message>
        <source>%1 (continued)</source>
        <translation>%1 (continua)</translation>
    </message>
</context>
<context>
    <name>Trigger</name>
    <message>
        <source>Space bar</source>
        <translation>Barra spaziatrice</translation>
    </message>
    <message>
        <source>Page Down (presentation clickers)</source>
        <translation>Pagina giù (telecomandi per presentazioni)</translation>
    </message>
    <message>
        <source>Page Up (presentation clickers)</source>
        <translation>Pagina su (telecomandi per presentazioni)</translation>
    </message>
    <message>
        <source>Return (foot switches)</source>
        <translation>Invio (pedali)</translation>
    </message>
    <message>
        <source>Enter on the keypad</source>
        <translation>Invio del tastierino numerico</translation>
    </message>
    <message>
        <source>B (the clickers&apos; blank-screen button)</source>
        <translation>B (il tasto schermo nero dei telecomandi)</translation>
    </message>
</context>
<context>
    <name>TriggerButton</name>
    <message>
        <source>PASS</source>
        <translation>PASSAGGIO</translation>
    </message>
    <message>
        <source>Record a pass (same as the trigger key)</source>
        <translation>Registra un passaggio (come il tasto di comando)</translation>
    </message>
    <message>
        <source>Record a pass</source>
        <translation>Registra un passaggio</translation>
    </message>
</context>
<context>
    <name>UnsavedLogDialog</name>
    <message>
        <source>The log is not saved</source>
        <translation>Il registro non è salvato</translation>
    </message>
    <message>
        <source>Keep trying: the stage goes on and mmtimer keeps writing (free some space).
Save the log elsewhere: the whole log, these events included, in another file.
Quit and lose them: the log on disk ends before these events.</source>
        <translation>Continua a provare: la tappa va avanti e mmtimer continua a scrivere (libera un po&apos; di spazio).
Salva il registro altrove: l&apos;intero registro, compresi questi eventi, in un altro file.
Esci e perdili: il registro su disco finisce prima di questi eventi.</translation>
    </message>
    <message>
        <source>Keep trying</source>
        <translation>Continua a provare</translation>
    </message>
    <message>
        <source>Save the log elsewhere…</source>
        <translation>Salva il registro altrove…</translation>
    </message>
    <message>
        <source>Quit and lose them</source>
        <translation>Esci e perdili</translation>
    </message>
</context>
</TS>
