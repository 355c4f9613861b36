<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en">
<context>
    <name>DriverPageDialog</name>
    <message numerus="yes">
        <source>%n page(s) connected</source>
        <translation>
            <numerusform>%n page connected</numerusform>
            <numerusform>%n pages connected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReplayWindow</name>
    <message numerus="yes">
        <source>%n note(s) on this log</source>
        <translation>
            <numerusform>%n note on this log</numerusform>
            <numerusform>%n notes on this log</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StageEditor</name>
    <message numerus="yes">
        <source>%n section(s)</source>
        <translation>
            <numerusform>%n section</numerusform>
            <numerusform>%n sections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n line</numerusform>
            <numerusform>%n lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n trial(s)</source>
        <translation>
            <numerusform>%n trial</numerusform>
            <numerusform>%n trials</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n time control(s)</source>
        <translation>
            <numerusform>%n time control</numerusform>
            <numerusform>%n time controls</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) to put right</source>
        <translation>
            <numerusform>%n row to put right</numerusform>
            <numerusform>%n rows to put right</numerusform>
        </translation>
    </message>
</context>
</TS>
