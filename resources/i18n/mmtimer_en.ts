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
</TS>
