<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt's own dialog texts that Qt's shipped qtbase_es.qm lacks (Qt 6 added the mnemonics, so
     "&Look in:" no longer matches the translated "Look in:"). Loaded after qtbase_es (ui/i18n.py). -->
<TS version="2.1" language="es">
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Buscar en:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Archivos de &amp;tipo:</translation>
    </message>
</context>
</TS>
