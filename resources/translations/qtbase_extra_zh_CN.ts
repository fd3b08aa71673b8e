<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<!-- Texts of Qt's own widgets that Qt's Chinese catalogue (qtbase_zh_CN)
     lacks in this Qt version: its file dialog now labels "&Look in:" and
     "Files of &type:", while the catalogue knows them only without the "&".
     Loaded after qtbase by village_desk/ui/i18n.py. -->
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
</TS>
