<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AboutBox</name>
        <message>
            <location filename="../../village_desk/ui/about.py" line="24" />
            <source>About Village Desk</source>
            <translation>关于村务民情台账</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/about.py" line="30" />
            <source>Village Desk</source>
            <translation>村务民情台账</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/about.py" line="31" />
            <source>Version {version}</source>
            <translation>版本 {version}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/about.py" line="37" />
            <source>Offline desktop software for village cadres: contact cards, visit diaries and the matter ledger.</source>
            <translation>给村干部用的离线桌面软件：联系卡、民情日记、民情台账。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/about.py" line="40" />
            <source>Data: {location}</source>
            <translation>数据位置：{location}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/about.py" line="46" />
            <source>Log folder: {path}</source>
            <translation>日志文件夹：{path}</translation>
        </message>
    </context>
    <context>
        <name>ActionDialog</name>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="83" />
            <source>{action}: {number}</source>
            <translation>{action}：{number}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="143" />
            <source>One per line</source>
            <translation>每行一条</translation>
        </message>
    </context>
    <context>
        <name>ActivityDialog</name>
        <message>
            <location filename="../../village_desk/ui/pages/six_ones/dialogs.py" line="55" />
            <source>Edit activity</source>
            <translation>修改活动记录</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/six_ones/dialogs.py" line="55" />
            <source>New activity</source>
            <translation>登记活动</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/six_ones/dialogs.py" line="61" />
            <source>Kind</source>
            <translation>类别</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/six_ones/dialogs.py" line="65" />
            <location filename="../../village_desk/ui/pages/six_ones/dialogs.py" line="69" />
            <source>Village</source>
            <translation>所属村</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/six_ones/dialogs.py" line="66" />
            <source>The township (no single village)</source>
            <translation>乡镇（不属于某一个村）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/six_ones/dialogs.py" line="74" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/six_ones/dialogs.py" line="76" />
            <source>What it was</source>
            <translation>活动内容</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/six_ones/dialogs.py" line="78" />
            <source>e.g. Talk on the new medical insurance rules; hardening the group road</source>
            <translation>如：宣讲医保缴费新政策；二组通组路硬化</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/six_ones/dialogs.py" line="80" />
            <source>What it was *</source>
            <translation>活动内容 *</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/six_ones/dialogs.py" line="82" />
            <source>Place</source>
            <translation>地点</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/six_ones/dialogs.py" line="83" />
            <source>Place *</source>
            <translation>地点 *</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/six_ones/dialogs.py" line="85" />
            <source>Cadres who did it</source>
            <translation>开展干部</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/six_ones/dialogs.py" line="102" />
            <source>Cadres who did it *</source>
            <translation>开展干部 *</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/six_ones/dialogs.py" line="104" />
            <source>Who took part</source>
            <translation>参加人员</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/six_ones/dialogs.py" line="108" />
            <location filename="../../village_desk/ui/pages/six_ones/dialogs.py" line="109" />
            <source>How many took part</source>
            <translation>参加人数</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/six_ones/dialogs.py" line="110" />
            <source>Results and notes</source>
            <translation>成效与备注</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <location filename="../../village_desk/ui/app.py" line="49" />
            <location filename="../../village_desk/ui/app.py" line="249" />
            <source>Village Desk</source>
            <translation>村务民情台账</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/app.py" line="70" />
            <location filename="../../village_desk/ui/app.py" line="336" />
            <source>Cannot open the data</source>
            <translation>无法打开数据</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/app.py" line="75" />
            <source>Data location: {url}</source>
            <translation>数据位置：{url}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/app.py" line="111" />
            <source>Village Desk closed unexpectedly last time</source>
            <translation>村务民情台账上次意外退出</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/app.py" line="112" />
            <source>The last session ended with a crash. Data saved before it is safe. If it happens again, send the details to whoever supports your village.</source>
            <translation>上次使用时程序崩溃退出。崩溃前保存的数据是安全的。如果再次发生，请把详细信息发给负责本村软件维护的人员。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/app.py" line="121" />
            <source>Log folder: {path}</source>
            <translation>日志文件夹：{path}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/app.py" line="196" />
            <source>The daily backup failed: {reason}</source>
            <translation>今天的自动备份没有成功：{reason}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/app.py" line="206" />
            <source>Backed up: {path}</source>
            <translation>已自动备份：{path}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/instance.py" line="152" />
            <source>process {pid}</source>
            <translation>进程 {pid}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/instance.py" line="154" />
            <source>another process</source>
            <translation>另一个进程</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/instance.py" line="156" />
            <source>Village Desk is already running ({who}) with the data in {folder}.</source>
            <translation>村务民情台账已经在运行（{who}），正在使用数据目录 {folder}。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/instance.py" line="160" />
            <source>Its window was brought forward.</source>
            <translation>已切换到它的窗口。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/instance.py" line="164" />
            <source>It does not answer. Close it (if it hangs, end process {pid} in the task manager) and start again.</source>
            <translation>它没有响应。请关闭它（如果卡住了，请在任务管理器中结束进程 {pid}）后再打开。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/app.py" line="388" />
            <source>Village Desk is already open here: no second window was started.</source>
            <translation>村务民情台账已在这里打开，没有再开第二个窗口。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/app.py" line="302" />
            <source>Restore a backup</source>
            <translation>从备份恢复</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/app.py" line="269" />
            <source>The backup was not restored: {reason}</source>
            <translation>没有恢复：{reason}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/app.py" line="273" />
            <source>Restored from {name}. The data as it was before is kept in {safety}. This computer goes on as a new device, so no number given out before is used again.</source>
            <translation>已从 {name} 恢复。恢复前的数据保存在 {safety}。本机将作为新设备继续编号，不会重复以前已经发出的编号。</translation>
        </message>
    </context>
    <context>
        <name>AssessmentDialog</name>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/dialogs.py" line="226" />
            <source>Evaluations {year}: {name}</source>
            <translation>{year}年度三评：{name}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/dialogs.py" line="242" />
            <source>{name}, {role}, {village}</source>
            <translation>{name}，{role}，{village}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/dialogs.py" line="248" />
            <location filename="../../village_desk/ui/pages/assessment/dialogs.py" line="254" />
            <source>Self-evaluation</source>
            <translation>自评</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/dialogs.py" line="251" />
            <location filename="../../village_desk/ui/pages/assessment/dialogs.py" line="262" />
            <source>Score</source>
            <translation>得分</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/dialogs.py" line="259" />
            <source>Leader's comment</source>
            <translation>领导点评</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/dialogs.py" line="265" />
            <source>Commented by</source>
            <translation>点评人</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/dialogs.py" line="268" />
            <source>Comment</source>
            <translation>点评意见</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/dialogs.py" line="273" />
            <source>Villagers' evaluation (votes)</source>
            <translation>群众测评（票数）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/dialogs.py" line="276" />
            <source>Satisfied</source>
            <translation>满意</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/dialogs.py" line="280" />
            <source>Basically satisfied</source>
            <translation>基本满意</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/dialogs.py" line="286" />
            <source>Not satisfied</source>
            <translation>不满意</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/dialogs.py" line="293" />
            <source>Polled on</source>
            <translation>测评日期</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/dialogs.py" line="310" />
            <source>not entered</source>
            <translation>未填写</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/dialogs.py" line="323" />
            <source>Satisfaction = (satisfied + basically satisfied) ÷ votes</source>
            <translation>测评满意率 =（满意 + 基本满意）÷ 总票数</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/dialogs.py" line="328" />
            <source>{votes} votes; satisfaction {rate}</source>
            <translation>共 {votes} 票，测评满意率 {rate}</translation>
        </message>
    </context>
    <context>
        <name>AssessmentForm</name>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/dialogs.py" line="107" />
            <source>Please enter a whole number</source>
            <translation>请填写整数</translation>
        </message>
    </context>
    <context>
        <name>AssessmentPage</name>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/page.py" line="30" />
            <source>Diary spot-checks</source>
            <translation>日记抽查</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/page.py" line="31" />
            <source>Yearly assessment</source>
            <translation>年度考核</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/page.py" line="33" />
            <source>Six ones</source>
            <translation>六个一</translation>
        </message>
    </context>
    <context>
        <name>AttachmentPanel</name>
        <message>
            <location filename="../../village_desk/ui/widgets/attachments.py" line="236" />
            <location filename="../../village_desk/ui/widgets/attachments.py" line="237" />
            <source>Photos and scans</source>
            <translation>照片和扫描件</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/attachments.py" line="238" />
            <source>Add photos or scans…</source>
            <translation>添加照片或扫描件…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/attachments.py" line="240" />
            <source>Choose photos or PDF scans, or drop files here (they are made smaller)</source>
            <translation>选择照片或 PDF 扫描件，也可以把文件拖到这里（照片会自动缩小）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/attachments.py" line="242" />
            <source>Keep camera details (incl. location)</source>
            <translation>保留拍摄信息（含位置）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/attachments.py" line="245" />
            <source>Normally the place and camera details a phone writes into a photo are removed. Tick to keep them.</source>
            <translation>手机写在照片里的拍摄地点和相机信息默认会去掉；勾选则保留。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/attachments.py" line="250" />
            <source>Attached photos and scans</source>
            <translation>已添加的照片和扫描件</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/attachments.py" line="265" />
            <location filename="../../village_desk/ui/widgets/attachments.py" line="343" />
            <source>No photos yet. Drop files here or use “Add…”.</source>
            <translation>还没有照片。可以把文件拖到这里，或点“添加…”。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/attachments.py" line="335" />
            <source>{name} — added when the record is saved</source>
            <translation>{name}——保存记录时添加</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/attachments.py" line="341" />
            <source>Choose a record to see its photos and scans.</source>
            <translation>选中一条记录，查看它的照片和扫描件。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/attachments.py" line="363" />
            <source>Add photos or scans</source>
            <translation>添加照片或扫描件</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/attachments.py" line="365" />
            <source>Photos and scans ({patterns});;All files (*)</source>
            <translation>照片和扫描件 ({patterns});;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/attachments.py" line="403" />
            <source>Adding {name}</source>
            <translation>正在添加 {name}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/attachments.py" line="420" />
            <source>Some files were not added</source>
            <translation>有文件没有添加</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/attachments.py" line="427" />
            <source>Adding photos and scans</source>
            <translation>正在添加照片和扫描件</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/attachments.py" line="478" />
            <source>Delete attachment</source>
            <translation>删除附件</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/attachments.py" line="479" />
            <source>Delete “{what}” from this record? You can undo this right afterwards.</source>
            <translation>从这条记录中删除“{what}”？删除后可以立即撤销。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/attachments.py" line="489" />
            <source>Deleted “{what}”</source>
            <translation>已删除“{what}”</translation>
        </message>
    </context>
    <context>
        <name>AttachmentViewer</name>
        <message>
            <location filename="../../village_desk/ui/widgets/attachments.py" line="517" />
            <source>Photos and scans</source>
            <translation>照片和扫描件</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/attachments.py" line="526" />
            <location filename="../../village_desk/ui/widgets/attachments.py" line="540" />
            <source>Caption</source>
            <translation>说明</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/attachments.py" line="527" />
            <source>What it shows, e.g. 签收单 signed by 张三丰</source>
            <translation>内容说明，如：张三丰签字的签收单</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/attachments.py" line="529" />
            <source>Kind</source>
            <translation>类别</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/attachments.py" line="533" />
            <source>◀ Previous</source>
            <translation>◀ 上一张</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/attachments.py" line="534" />
            <source>Next ▶</source>
            <translation>下一张 ▶</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/attachments.py" line="535" />
            <source>Save caption</source>
            <translation>保存说明</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/attachments.py" line="536" />
            <source>Save a copy…</source>
            <translation>另存为…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/attachments.py" line="537" />
            <source>Open in another program</source>
            <translation>用其他程序打开</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/attachments.py" line="538" />
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/attachments.py" line="596" />
            <source>added {date}</source>
            <translation>{date} 添加</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/attachments.py" line="606" />
            <source>This file cannot be shown here.</source>
            <translation>这个文件无法在这里显示。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/attachments.py" line="657" />
            <source>Save a copy</source>
            <translation>另存为</translation>
        </message>
    </context>
    <context>
        <name>Attachments</name>
        <message>
            <location filename="../../village_desk/ui/widgets/attachments.py" line="182" />
            <source>taken {when}</source>
            <translation>拍摄于 {when}</translation>
        </message>
    </context>
    <context>
        <name>CadreChecklist</name>
        <message>
            <location filename="../../village_desk/ui/widgets/pickers.py" line="156" />
            <source>Choose cadres</source>
            <translation>选择干部</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/pickers.py" line="165" />
            <source>Tick everyone who took part:</source>
            <translation>勾选参加的干部：</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/pickers.py" line="220" />
            <source>(none, click to choose)</source>
            <translation>（无，点击选择）</translation>
        </message>
    </context>
    <context>
        <name>CadreDialog</name>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="77" />
            <source>Edit cadre</source>
            <translation>修改干部信息</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="77" />
            <source>Add cadre</source>
            <translation>添加干部</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="90" />
            <source>Active (can be chosen for new records)</source>
            <translation>在用（新记录中可以选择）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="96" />
            <source>Name *</source>
            <translation>姓名 *</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="97" />
            <source>Role</source>
            <translation>职务</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="98" />
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="104" />
            <source>Duties</source>
            <translation>职责</translation>
        </message>
    </context>
    <context>
        <name>CardPrintDialog</name>
        <message>
            <location filename="../../village_desk/ui/printing/dialogs.py" line="198" />
            <source>Print contact cards</source>
            <translation>打印联系卡</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/dialogs.py" line="206" />
            <source>The selected households ({n})</source>
            <translation>选中的户（{n} 户）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/dialogs.py" line="211" />
            <source>All households in the filtered list ({n})</source>
            <translation>当前筛选出的全部户（{n} 户）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/dialogs.py" line="216" />
            <source>Group of the current filter: {name}</source>
            <translation>当前筛选的村民小组：{name}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/dialogs.py" line="218" />
            <source>Group of the current filter (none chosen)</source>
            <translation>当前筛选的村民小组（未选择）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/dialogs.py" line="223" />
            <source>Category of the current filter: {name}</source>
            <translation>当前筛选的户类别：{name}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/dialogs.py" line="225" />
            <source>Category of the current filter (none chosen)</source>
            <translation>当前筛选的户类别（未选择）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/dialogs.py" line="230" />
            <source>All households of the village ({n})</source>
            <translation>全村所有户（{n} 户）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/dialogs.py" line="232" />
            <source>All households of the village</source>
            <translation>全村所有户</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/dialogs.py" line="250" />
            <source>A4, 10 cards a page (crop marks, duplex backs)</source>
            <translation>A4 纸每页 10 张（带裁切线，背面可双面打印）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/dialogs.py" line="252" />
            <source>One card a page (card printer)</source>
            <translation>每页 1 张（卡片打印机）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/dialogs.py" line="254" />
            <source>90 × 54 mm (business card)</source>
            <translation>90 × 54 毫米（名片）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/dialogs.py" line="255" />
            <source>85.6 × 54 mm (bank card)</source>
            <translation>85.6 × 54 毫米（银行卡）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/dialogs.py" line="261" />
            <source>For two-sided cards print duplex, flipping on the long edge; the backs are laid out mirrored so they line up.</source>
            <translation>要印正反两面，请选择双面打印（长边翻转）；背面已按镜像排好，正反面能对齐。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/dialogs.py" line="268" />
            <source>Layout</source>
            <translation>版式</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/dialogs.py" line="269" />
            <source>Card size</source>
            <translation>卡片尺寸</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/dialogs.py" line="273" />
            <source>Preview…</source>
            <translation>预览…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/dialogs.py" line="277" />
            <source>Print cards for</source>
            <translation>为以下各户打印联系卡</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/dialogs.py" line="301" />
            <location filename="../../village_desk/ui/printing/dialogs.py" line="304" />
            <source>Contact cards {name}</source>
            <translation>联系卡 {name}</translation>
        </message>
    </context>
    <context>
        <name>CommitmentDialog</name>
        <message>
            <location filename="../../village_desk/ui/pages/commitments/dialogs.py" line="113" />
            <source>Edit commitment</source>
            <translation>修改承诺</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/commitments/dialogs.py" line="113" />
            <source>New commitment</source>
            <translation>新增承诺</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/commitments/dialogs.py" line="120" />
            <source>Year</source>
            <translation>承诺年度</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/commitments/dialogs.py" line="122" />
            <location filename="../../village_desk/ui/pages/commitments/dialogs.py" line="131" />
            <source>Committed by</source>
            <translation>承诺人</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/commitments/dialogs.py" line="139" />
            <source>Kind</source>
            <translation>承诺类型</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/commitments/dialogs.py" line="141" />
            <source>What is promised</source>
            <translation>承诺内容</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/commitments/dialogs.py" line="143" />
            <source>Measures</source>
            <translation>采取的措施</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/commitments/dialogs.py" line="144" />
            <source>Target</source>
            <translation>达到的目标</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/commitments/dialogs.py" line="146" />
            <source>Deadline</source>
            <translation>完成时限</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/commitments/dialogs.py" line="150" />
            <source>Post on the notice board</source>
            <translation>在村务公开栏公示</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/commitments/dialogs.py" line="154" />
            <source>A one-sentence commitment needs no measures, target or deadline.</source>
            <translation>一句话承诺不需要填写措施、目标和完成时限。</translation>
        </message>
    </context>
    <context>
        <name>CommitmentsPage</name>
        <message>
            <location filename="../../village_desk/ui/pages/commitments/page.py" line="78" />
            <location filename="../../village_desk/ui/pages/commitments/page.py" line="85" />
            <source>Year</source>
            <translation>年度</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/commitments/page.py" line="79" />
            <source>New commitment…</source>
            <translation>新增承诺…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/commitments/page.py" line="81" />
            <source>Print public notice…</source>
            <translation>打印公示…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/commitments/page.py" line="83" />
            <source>Public commitments</source>
            <translation>公开承诺</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/commitments/page.py" line="92" />
            <location filename="../../village_desk/ui/pages/commitments/page.py" line="118" />
            <source>Committed by</source>
            <translation>承诺人</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/commitments/page.py" line="93" />
            <location filename="../../village_desk/ui/pages/commitments/page.py" line="119" />
            <source>Role</source>
            <translation>职务</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/commitments/page.py" line="94" />
            <source>Kind</source>
            <translation>承诺类型</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/commitments/page.py" line="95" />
            <source>What is promised</source>
            <translation>承诺内容</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/commitments/page.py" line="96" />
            <source>Deadline</source>
            <translation>完成时限</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/commitments/page.py" line="97" />
            <source>How it stands</source>
            <translation>践诺情况</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/commitments/page.py" line="120" />
            <source>Commitments</source>
            <translation>承诺件数</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/commitments/page.py" line="103" />
            <location filename="../../village_desk/ui/pages/commitments/page.py" line="246" />
            <source>Choose a commitment to see its progress.</source>
            <translation>选中一条承诺，查看践诺进展。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/commitments/page.py" line="80" />
            <source>Record a public commitment (Ctrl+N)</source>
            <translation>登记公开承诺（Ctrl+N）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/commitments/page.py" line="100" />
            <source>Commitment list</source>
            <translation>承诺列表</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/commitments/page.py" line="106" />
            <source>Note progress…</source>
            <translation>记进展…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/commitments/page.py" line="107" />
            <source>Review…</source>
            <translation>年终评定…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/commitments/page.py" line="108" />
            <source>Edit…</source>
            <translation>修改…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/commitments/page.py" line="109" />
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/commitments/page.py" line="121" />
            <source>Kept</source>
            <translation>已践诺</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/commitments/page.py" line="122" />
            <source>Partly kept</source>
            <translation>部分践诺</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/commitments/page.py" line="123" />
            <source>Not kept</source>
            <translation>未践诺</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/commitments/page.py" line="124" />
            <source>Not reviewed</source>
            <translation>未评定</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/commitments/page.py" line="125" />
            <source>Keeping rate</source>
            <translation>践诺率</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/commitments/page.py" line="128" />
            <location filename="../../village_desk/ui/pages/commitments/page.py" line="146" />
            <source>Keeping rate per person</source>
            <translation>践诺率（按承诺人）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/commitments/page.py" line="132" />
            <source>Keeping rate = commitments kept ÷ all commitments of the year (partly kept ones and those not reviewed yet count as not kept).</source>
            <translation>践诺率 = 已践诺件数 ÷ 本年度承诺件数（部分践诺和尚未评定的不计为已践诺）。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/commitments/page.py" line="183" />
            <source>{year}</source>
            <translation>{year}年</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/commitments/page.py" line="222" />
            <source>Under way</source>
            <translation>践诺中</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/commitments/page.py" line="223" />
            <source>Under way ({date}): {text}</source>
            <translation>践诺中（{date}）：{text}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/commitments/page.py" line="252" />
            <source>Measures: {text}</source>
            <translation>措施：{text}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/commitments/page.py" line="254" />
            <source>Target: {text}</source>
            <translation>目标：{text}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/commitments/page.py" line="261" />
            <source>No progress noted yet.</source>
            <translation>还没有记录进展。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/commitments/page.py" line="264" />
            <source>Reviewed on {date}: {outcome}. {text}</source>
            <translation>{date} 评定：{outcome}。{text}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/commitments/page.py" line="306" />
            <source>Delete commitment</source>
            <translation>删除承诺</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/commitments/page.py" line="307" />
            <source>Delete {name}'s commitment “{content}” with its progress notes?</source>
            <translation>删除{name}的承诺“{content}”及其践诺进展？</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/commitments/page.py" line="329" />
            <source>Public commitments {year}</source>
            <translation>{year}年公开承诺公示</translation>
        </message>
    </context>
    <context>
        <name>Curtain</name>
        <message>
            <location filename="../../village_desk/ui/lock.py" line="262" />
            <source>Locked</source>
            <translation>已锁定</translation>
        </message>
    </context>
    <context>
        <name>DashboardPage</name>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/page.py" line="230" />
            <source>Needs attention</source>
            <translation>需要关注</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/page.py" line="231" />
            <source>Overdue matters</source>
            <translation>逾期事项</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/page.py" line="232" />
            <source>Matters due soon</source>
            <translation>即将到期事项</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/page.py" line="397" />
            <location filename="../../village_desk/ui/pages/dashboard/page.py" line="233" />
            <source>Done, awaiting return visit</source>
            <translation>已办结待回访</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/page.py" line="234" />
            <source>Open matters</source>
            <translation>未办结事项</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/page.py" line="99" />
            <location filename="../../village_desk/ui/pages/dashboard/page.py" line="235" />
            <source>Households never visited</source>
            <translation>从未走访的户</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/page.py" line="237" />
            <source>Households</source>
            <translation>总户数</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/page.py" line="238" />
            <source>Conflicts and checks</source>
            <translation>冲突与待核对</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/page.py" line="239" />
            <source>Long unresolved disputes</source>
            <translation>久调不决纠纷</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/page.py" line="269" />
            <source>Click to open the list</source>
            <translation>点击打开清单</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/page.py" line="271" />
            <source>Conflicts left by merging data from another computer, and broken rules</source>
            <translation>与其他电脑的数据合并后留下的冲突，以及不符合规则的记录</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/page.py" line="288" />
            <source>Cadre</source>
            <translation>干部</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/page.py" line="289" />
            <source>Visits (household-times)</source>
            <translation>走访户次</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/page.py" line="290" />
            <source>Households visited</source>
            <translation>走访户数</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/page.py" line="291" />
            <source>Diary entries</source>
            <translation>日记篇数</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/page.py" line="292" />
            <source>Monthly minimum</source>
            <translation>每月最低</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/page.py" line="326" />
            <source>Pairing: every household has a responsible cadre and every cadre meets the pairing norms.</source>
            <translation>结对情况：所有户都有联户干部，所有干部都达到结对要求。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/page.py" line="334" />
            <source>Households without a responsible cadre: {n} ({list})</source>
            <translation>没有联户干部的户：{n} 户（{list}）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/page.py" line="340" />
            <source>{name}, {kind}: {current} (required {required})</source>
            <translation>{name}，{kind}：{current}（要求{required}）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/page.py" line="347" />
            <source>Below the pairing norms: {n} ({list})</source>
            <translation>未达到结对要求：{n} 项（{list}）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/page.py" line="355" />
            <source>Mon</source>
            <translation>周一</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/page.py" line="356" />
            <source>Tue</source>
            <translation>周二</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/page.py" line="357" />
            <source>Wed</source>
            <translation>周三</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/page.py" line="358" />
            <source>Thu</source>
            <translation>周四</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/page.py" line="359" />
            <source>Fri</source>
            <translation>周五</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/page.py" line="360" />
            <source>Sat</source>
            <translation>周六</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/page.py" line="361" />
            <source>Sun</source>
            <translation>周日</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/page.py" line="406" />
            <source>Households not visited for {days} days</source>
            <translation>超过 {days} 天未走访的户</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/page.py" line="413" />
            <source>Disputes long unresolved (over {days} days without an outcome)</source>
            <translation>久调不决纠纷（超过{days}天）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/page.py" line="419" />
            <source>{n} disputes under mediation; click to open the long unresolved ones</source>
            <translation>调解中的纠纷 {n} 件；点击查看久调不决的纠纷</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/page.py" line="430" />
            <source>Duty days: {days}</source>
            <translation>一线工作日：{days}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/page.py" line="431" />
            <source>Today is a duty day.</source>
            <translation>今天是一线工作日。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/page.py" line="434" />
            <source>Visits this month ({month})</source>
            <translation>本月走访（{month}）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/page.py" line="450" />
            <source>Below the monthly minimum</source>
            <translation>低于每月最低走访数</translation>
        </message>
    </context>
    <context>
        <name>DataTab</name>
        <message>
            <location filename="../../village_desk/ui/pages/settings/data_tab.py" line="57" />
            <location filename="../../village_desk/ui/pages/settings/data_tab.py" line="58" />
            <location filename="../../village_desk/ui/pages/settings/data_tab.py" line="59" />
            <location filename="../../village_desk/ui/pages/settings/data_tab.py" line="76" />
            <source>Open</source>
            <translation>打开</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/data_tab.py" line="60" />
            <source>Choose folder…</source>
            <translation>选择文件夹…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/data_tab.py" line="61" />
            <source>Use the default</source>
            <translation>用默认位置</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/data_tab.py" line="68" />
            <source>Data</source>
            <translation>数据</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/data_tab.py" line="69" />
            <source>Logs</source>
            <translation>日志</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/data_tab.py" line="71" />
            <source>Backups</source>
            <translation>备份</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/data_tab.py" line="84" />
            <source>Most the photos and scans may take</source>
            <translation>照片和扫描件最多占用</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/data_tab.py" line="86" />
            <source>Adding a photo beyond this is refused, saying how much is used</source>
            <translation>超过这个上限时不再添加照片，并说明已用多少</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/data_tab.py" line="94" />
            <source>Photos and scans</source>
            <translation>照片和扫描件</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/data_tab.py" line="96" />
            <source>At most</source>
            <translation>最多占用</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/data_tab.py" line="99" />
            <source>The first start of each day makes a backup, and so does every import; the newest of each of the last 14 days and 8 weeks are kept. A folder on a USB stick keeps them safe when this computer is lost or broken. Only this computer's user can read the data and the backups.</source>
            <translation>每天第一次打开程序时和每次导入前都会自动备份，保留最近 14 天每天一份、最近 8 周每周一份。把备份放在 U 盘上的文件夹里，电脑丢失或损坏时数据也不会丢。数据和备份只有本机的这个用户能读取。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/data_tab.py" line="108" />
            <source>Back up now</source>
            <translation>立即备份</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/data_tab.py" line="109" />
            <source>Verify</source>
            <translation>检查</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/data_tab.py" line="110" />
            <source>Restore…</source>
            <translation>恢复…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/data_tab.py" line="116" />
            <source>Made</source>
            <translation>备份时间</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/data_tab.py" line="116" />
            <source>Why</source>
            <translation>原因</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/data_tab.py" line="116" />
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/data_tab.py" line="116" />
            <source>Checked</source>
            <translation>检查结果</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/data_tab.py" line="158" />
            <source>Daily</source>
            <translation>每日备份</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/data_tab.py" line="159" />
            <source>By hand</source>
            <translation>手动备份</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/data_tab.py" line="160" />
            <source>Before a restore</source>
            <translation>恢复前的备份</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/data_tab.py" line="161" />
            <source>Before a restore (damaged data)</source>
            <translation>恢复前的备份（数据已损坏）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/data_tab.py" line="162" />
            <source>Before an import</source>
            <translation>导入前的备份</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/data_tab.py" line="163" />
            <source>Before a roster import</source>
            <translation>导入花名册前的备份</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/data_tab.py" line="164" />
            <source>Before an exchange import</source>
            <translation>导入交换文件前的备份</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/data_tab.py" line="177" />
            <source>{folder} — {used} used by {files} files</source>
            <translation>{folder}——{files} 个文件，共 {used}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/data_tab.py" line="184" />
            <source>{n} attached files are not on this computer (an exchange file did not bring them, or the folder was moved)</source>
            <translation>有 {n} 个附件的文件不在本机（交换文件没有带来，或附件文件夹被移动过）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/data_tab.py" line="201" />
            <source>Saved</source>
            <translation>已保存</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/data_tab.py" line="224" />
            <source>A server database is backed up with the server's own tools (pg_dump).</source>
            <translation>服务器数据库请用服务器自己的工具备份（pg_dump）。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/data_tab.py" line="248" />
            <source>Whole</source>
            <translation>完好</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/data_tab.py" line="250" />
            <source>Damaged: {problem}</source>
            <translation>已损坏：{problem}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/data_tab.py" line="290" />
            <source>Folder for backups</source>
            <translation>备份文件夹</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/data_tab.py" line="301" />
            <source>Backups now go to {folder}.</source>
            <translation>以后的备份保存在 {folder}。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/data_tab.py" line="314" />
            <source>Backed up: {path}</source>
            <translation>已备份：{path}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/data_tab.py" line="317" />
            <source>Backing up…</source>
            <translation>正在备份…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/data_tab.py" line="333" />
            <source>{name} is whole.</source>
            <translation>{name} 完好。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/data_tab.py" line="345" />
            <source>Restore a backup</source>
            <translation>从备份恢复</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/data_tab.py" line="347" />
            <source>Replace the data on this computer with the backup made {when}?

The data as it is now is backed up first. What was entered after {when} is not in the backup: enter it again or import it from another computer's exchange file. Village Desk closes the data and opens it again.</source>
            <translation>用 {when} 的备份替换本机的数据吗？

现在的数据会先备份。{when} 之后录入的内容不在这个备份里，需要重新录入，或从别的电脑的交换文件导入。程序会关闭数据后重新打开。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/data_tab.py" line="355" />
            <source>Restore</source>
            <translation>恢复</translation>
        </message>
    </context>
    <context>
        <name>DiaryEditor</name>
        <message>
            <location filename="../../village_desk/ui/pages/diary/editor.py" line="287" />
            <location filename="../../village_desk/ui/pages/diary/editor.py" line="527" />
            <location filename="../../village_desk/ui/pages/diary/editor.py" line="543" />
            <source>New diary entry</source>
            <translation>新写民情日记</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/editor.py" line="290" />
            <source>Save entry</source>
            <translation>保存日记</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/editor.py" line="291" />
            <source>Save (Ctrl+S)</source>
            <translation>保存（Ctrl+S）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/editor.py" line="292" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/editor.py" line="293" />
            <source>Close (Esc); an unsaved entry is kept as a draft</source>
            <translation>关闭（Esc）；未保存的日记会留作草稿</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/editor.py" line="294" />
            <location filename="../../village_desk/ui/pages/diary/editor.py" line="794" />
            <source>Discard draft</source>
            <translation>放弃草稿</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/editor.py" line="296" />
            <source>Delete entry</source>
            <translation>删除日记</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/editor.py" line="297" />
            <source>Delete this saved entry (can be undone)</source>
            <translation>删除这篇已保存的日记（可撤销）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/editor.py" line="317" />
            <source>For meetings: where, and who took part</source>
            <translation>集体活动：地点和参加人员</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/editor.py" line="336" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/editor.py" line="337" />
            <source>Mode</source>
            <translation>走访方式</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/editor.py" line="338" />
            <source>Cadre</source>
            <translation>干部</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/editor.py" line="339" />
            <source>Companions</source>
            <translation>同行干部</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/editor.py" line="340" />
            <source>Visited households</source>
            <translation>走访对象</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/editor.py" line="341" />
            <source>Place / participants</source>
            <translation>地点/参加人员</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/editor.py" line="346" />
            <source>The six questions (optional; click to open)</source>
            <translation>“六问”（可选，点击展开）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/editor.py" line="351" />
            <source>Basic situation</source>
            <translation>基本情况</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/editor.py" line="352" />
            <source>Hardships</source>
            <translation>困难问题</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/editor.py" line="353" />
            <source>Wishes to raise income</source>
            <translation>致富愿望</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/editor.py" line="354" />
            <source>Views of cadres</source>
            <translation>干部评价</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/editor.py" line="355" />
            <source>Suggestions for our work</source>
            <translation>工作建议</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/editor.py" line="356" />
            <source>Development ideas</source>
            <translation>发展计策</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/editor.py" line="365" />
            <source>What happened on this visit</source>
            <translation>这次走访的情况</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/editor.py" line="368" />
            <source>Policies explained, services, goods</source>
            <translation>送政策、送服务、送物资</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/editor.py" line="370" />
            <source>Narrative</source>
            <translation>走访记录</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/editor.py" line="371" />
            <source>Help given</source>
            <translation>帮扶内容</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/editor.py" line="373" />
            <source>Raised by the villagers</source>
            <translation>群众反映的问题</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/editor.py" line="380" />
            <source>Add raised item</source>
            <translation>添加反映的问题</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/editor.py" line="543" />
            <location filename="../../village_desk/ui/pages/diary/editor.py" line="582" />
            <source>Edit diary entry</source>
            <translation>修改民情日记</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/editor.py" line="549" />
            <source>Draft restored</source>
            <translation>已恢复草稿</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/editor.py" line="607" />
            <source>{text} → ledger matter {number}</source>
            <translation>{text} → 台账事项 {number}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/editor.py" line="618" />
            <source>{text} — solved on the spot: {solution}</source>
            <translation>{text} —— 当场解决：{solution}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/editor.py" line="701" />
            <source>Draft could not be saved: {reason}</source>
            <translation>草稿无法保存：{reason}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/editor.py" line="707" />
            <source>Draft saved {time}</source>
            <translation>草稿已自动保存 {time}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/editor.py" line="741" />
            <source>Add a cadre in Settings first.</source>
            <translation>请先在“设置”中添加干部。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/editor.py" line="795" />
            <source>Throw away what was written in this entry?</source>
            <translation>放弃这篇日记里已经写的内容？</translation>
        </message>
    </context>
    <context>
        <name>DiaryPage</name>
        <message>
            <location filename="../../village_desk/ui/pages/diary/page.py" line="77" />
            <source>From</source>
            <translation>起始日期</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/page.py" line="79" />
            <source>Until</source>
            <translation>截止日期</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/page.py" line="89" />
            <source>New entry…</source>
            <translation>写日记…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/page.py" line="90" />
            <source>New diary entry (Ctrl+N)</source>
            <translation>新写民情日记（Ctrl+N）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/page.py" line="91" />
            <source>Open</source>
            <translation>打开</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/page.py" line="92" />
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/page.py" line="93" />
            <source>Print visit diary…</source>
            <translation>打印民情日记…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/page.py" line="95" />
            <source>A cadre's entries for a period, for the township's spot check (Ctrl+P)</source>
            <translation>打印某位干部一段时间的日记，供乡镇抽查（Ctrl+P）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/page.py" line="105" />
            <location filename="../../village_desk/ui/pages/diary/page.py" line="314" />
            <source>Cadre</source>
            <translation>干部</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/page.py" line="108" />
            <location filename="../../village_desk/ui/pages/diary/page.py" line="315" />
            <source>Mode</source>
            <translation>走访方式</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/page.py" line="111" />
            <source>Household</source>
            <translation>户</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/page.py" line="134" />
            <source>Continue draft</source>
            <translation>继续填写草稿</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/page.py" line="217" />
            <source>All cadres</source>
            <translation>全部干部</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/page.py" line="220" />
            <source>All modes</source>
            <translation>全部方式</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/page.py" line="313" />
            <source>Village</source>
            <translation>村</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/page.py" line="328" />
            <source>{n} matching entries</source>
            <translation>符合条件 {n} 篇</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/page.py" line="330" />
            <source>{n} entries</source>
            <translation>共 {n} 篇</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/page.py" line="337" />
            <source>Draft of {date}: {who} (saved {saved})</source>
            <translation>{date} 的草稿：{who}（{saved} 保存）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/page.py" line="344" />
            <source>{n} unfinished drafts (saved automatically):</source>
            <translation>{n} 份未写完的草稿（已自动保存）：</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/page.py" line="416" />
            <source>Delete entry</source>
            <translation>删除日记</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/page.py" line="418" />
            <source>Delete this diary entry? Matters created from it stay in the ledger. You can undo this right afterwards.</source>
            <translation>删除这篇民情日记吗？由它转入台账的事项会保留。删除后可以立即撤销。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/page.py" line="425" />
            <source>diary entry of {date} {who}</source>
            <translation>{date} 的民情日记 {who}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/page.py" line="476" />
            <source>The diary entry was saved.</source>
            <translation>民情日记已保存。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/page.py" line="473" />
            <source>The diary entry was saved. Entered in the ledger: {numbers}</source>
            <translation>民情日记已保存。转入台账：{numbers}</translation>
        </message>
    </context>
    <context>
        <name>DiaryPrintDialog</name>
        <message>
            <location filename="../../village_desk/ui/printing/dialogs.py" line="367" />
            <source>Print visit diary</source>
            <translation>打印民情日记</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/dialogs.py" line="381" />
            <source>Cadre</source>
            <translation>干部</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/dialogs.py" line="382" />
            <source>From</source>
            <translation>起始日期</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/dialogs.py" line="383" />
            <source>To</source>
            <translation>截止日期</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/dialogs.py" line="389" />
            <source>Preview…</source>
            <translation>预览…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/dialogs.py" line="406" />
            <source>The end date is before the start date.</source>
            <translation>截止日期早于起始日期。</translation>
        </message>
    </context>
    <context>
        <name>DiaryTableModel</name>
        <message>
            <location filename="../../village_desk/ui/pages/diary/model.py" line="23" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/model.py" line="24" />
            <source>Cadre</source>
            <translation>干部</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/model.py" line="25" />
            <source>Mode</source>
            <translation>方式</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/model.py" line="26" />
            <source>Households / place</source>
            <translation>走访对象/地点</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/model.py" line="27" />
            <source>Summary</source>
            <translation>摘要</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/model.py" line="28" />
            <source>Raised</source>
            <translation>反映问题</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/model.py" line="29" />
            <source>Village</source>
            <translation>村</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/model.py" line="68" />
            <source>{n} solved</source>
            <translation>当场解决 {n}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/model.py" line="70" />
            <source>{n} to ledger</source>
            <translation>转入台账 {n}</translation>
        </message>
    </context>
    <context>
        <name>DisclosureList</name>
        <message>
            <location filename="../../village_desk/ui/pages/settings/disclosures_box.py" line="36" />
            <location filename="../../village_desk/ui/pages/settings/disclosures_box.py" line="60" />
            <source>Full ID numbers and phones shown</source>
            <translation>完整号码导出/查看记录</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/disclosures_box.py" line="39" />
            <source>Each time ID numbers or phones were shown in full — a ledger workbook exported without masking, a household's phones shown on its page, a record's history printed in full — it is recorded here, newest first (the newest {n}). The records go to the township with the village's data and cannot be removed.</source>
            <translation>每次显示完整的身份证号或电话——导出不打码的台账工作簿、在户页显示电话、完整显示一条记录的修改记录——都记录在这里，最新的在前（列出最新的 {n} 条）。这些记录随本村数据报送乡镇，不能删除。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/disclosures_box.py" line="50" />
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/disclosures_box.py" line="51" />
            <source>Village</source>
            <translation>所属村</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/disclosures_box.py" line="52" />
            <source>Who</source>
            <translation>经办人</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/disclosures_box.py" line="53" />
            <source>What</source>
            <translation>内容</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/disclosures_box.py" line="54" />
            <source>File or household</source>
            <translation>文件或户</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/disclosures_box.py" line="55" />
            <source>Period</source>
            <translation>期间</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/disclosures_box.py" line="56" />
            <source>Households</source>
            <translation>户数</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/disclosures_box.py" line="57" />
            <source>People</source>
            <translation>人数</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/disclosures_box.py" line="67" />
            <source>Nothing yet: no full numbers were shown.</source>
            <translation>暂无记录：还没有显示过完整号码。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/disclosures_box.py" line="85" />
            <source>(township)</source>
            <translation>（乡镇本级）</translation>
        </message>
    </context>
    <context>
        <name>DisputeDialog</name>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/dialogs.py" line="176" />
            <source>Register a dispute</source>
            <translation>登记矛盾纠纷</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/dialogs.py" line="182" />
            <source>Kind of dispute</source>
            <translation>纠纷类型</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/dialogs.py" line="184" />
            <source>Received on</source>
            <translation>受理日期</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/dialogs.py" line="190" />
            <source>How it came</source>
            <translation>来源渠道</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/dialogs.py" line="199" />
            <source>Cadre in charge</source>
            <translation>责任人（负责调解）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/dialogs.py" line="206" />
            <source>Village</source>
            <translation>所属村</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/dialogs.py" line="212" />
            <source>What it is about</source>
            <translation>纠纷事由</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/dialogs.py" line="217" />
            <location filename="../../village_desk/ui/pages/disputes/dialogs.py" line="245" />
            <source>Parties</source>
            <translation>当事人</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/dialogs.py" line="222" />
            <source>Side</source>
            <translation>当事人一方</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/dialogs.py" line="224" />
            <source>A villager: type a name</source>
            <translation>本村村民：输入姓名查找</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/dialogs.py" line="226" />
            <source>Or someone not on the list: name</source>
            <translation>或非本村登记人员：填写姓名</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/dialogs.py" line="227" />
            <source>Add</source>
            <translation>添加</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/dialogs.py" line="228" />
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/dialogs.py" line="233" />
            <source>Add to</source>
            <translation>添加到</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/dialogs.py" line="248" />
            <source>At least one applicant and one respondent. The first applicant is the applicant of the matter in the ledger; the dispute is not posted on the notice board.</source>
            <translation>申请方和被申请方至少各一人。第一位申请方作为民情台账事项的申请人；矛盾纠纷不在公开栏公示。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/dialogs.py" line="275" />
            <source>Type the name first.</source>
            <translation>请先填写姓名。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/dialogs.py" line="278" />
            <source>{name} (not on the list)</source>
            <translation>{name}（非本村登记人员）</translation>
        </message>
    </context>
    <context>
        <name>DisputesPage</name>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="98" />
            <source>Register dispute…</source>
            <translation>登记纠纷…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="99" />
            <source>Register a dispute (Ctrl+N)</source>
            <translation>登记矛盾纠纷（Ctrl+N）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="101" />
            <source>Disputes</source>
            <translation>矛盾纠纷排查调处</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="104" />
            <source>Long unresolved after…</source>
            <translation>久调不决天数…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="108" />
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="124" />
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="135" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="109" />
            <source>All kinds</source>
            <translation>全部类型</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="113" />
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="126" />
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="140" />
            <source>Outcome</source>
            <translation>调解结果</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="114" />
            <source>All</source>
            <translation>全部</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="133" />
            <source>No.</source>
            <translation>编号</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="134" />
            <source>Village</source>
            <translation>村</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="136" />
            <source>Parties</source>
            <translation>当事人（申请方 — 被申请方）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="137" />
            <source>Received</source>
            <translation>受理日期</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="138" />
            <source>In charge</source>
            <translation>责任人</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="139" />
            <source>Mediations</source>
            <translation>调解次数</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="141" />
            <source>Days</source>
            <translation>历时（天）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="142" />
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="312" />
            <source>Long unresolved</source>
            <translation>久调不决</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="146" />
            <source>Dispute list</source>
            <translation>矛盾纠纷列表</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="155" />
            <source>Record mediation…</source>
            <translation>记录调解…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="156" />
            <source>Record outcome…</source>
            <translation>调解结果…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="157" />
            <source>Correct…</source>
            <translation>修改…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="158" />
            <source>Correct the kind, what it is about and the parties</source>
            <translation>修改纠纷类型、纠纷事由和当事人</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="159" />
            <source>Print agreement…</source>
            <translation>打印调解协议书…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="162" />
            <source>A settled dispute prints as its mediation agreement, one not settled as its mediation record (Ctrl+P)</source>
            <translation>调解成功的打印人民调解协议书，其他的打印调解记录（Ctrl+P）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="166" />
            <source>Show in ledger</source>
            <translation>在台账中查看</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="167" />
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="185" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="186" />
            <source>Place</source>
            <translation>地点</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="187" />
            <source>Mediators</source>
            <translation>调解人</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="188" />
            <source>Agreed</source>
            <translation>是否达成一致</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="189" />
            <source>What was said</source>
            <translation>调解情况</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="193" />
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="205" />
            <source>Mediation records</source>
            <translation>调解记录</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="200" />
            <source>Delete mediation…</source>
            <translation>删除调解记录…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="202" />
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="423" />
            <source>Delete the chosen mediation, recorded by mistake</source>
            <translation>删除选中的、误录的调解记录</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="287" />
            <source>Long unresolved only (over {days} days)</source>
            <translation>只看久调不决（超过{days}天）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="291" />
            <source>Long unresolved: still without an outcome more than {days} days after it was received (the number of days is set with “Long unresolved after…”). Days: from receipt to the outcome, or to today.</source>
            <translation>久调不决：受理后超过{days}天仍没有调解结果（天数在“久调不决天数…”中设置）。历时：从受理到出结果，未出结果的算到今天。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="318" />
            <source>No outcome after {days} days</source>
            <translation>已{days}天没有调解结果</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="322" />
            <source>{n} disputes, {open} under mediation, {overdue} long unresolved</source>
            <translation>共 {n} 件，调解中 {open} 件，久调不决 {overdue} 件</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="360" />
            <source>Choose a dispute to see its parties and mediations.</source>
            <translation>选中一件纠纷，查看当事人和调解经过。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="367" />
            <source>In charge: {name}; in the ledger: {status}</source>
            <translation>责任人：{name}；民情台账：{status}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="377" />
            <source>No mediation recorded yet.</source>
            <translation>还没有调解记录。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="402" />
            <source>agreed</source>
            <translation>达成一致</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="402" />
            <source>not agreed</source>
            <translation>未达成一致</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="381" />
            <source>Outcome on {date}: {outcome}. {text}</source>
            <translation>{date} 调解结果：{outcome}。{text}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="389" />
            <source>Long unresolved: no outcome after {days} days.</source>
            <translation>久调不决：已{days}天没有调解结果。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="421" />
            <source>A mediation of a dispute with its outcome recorded stays</source>
            <translation>纠纷已有调处结果，调解记录不能再删除</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="460" />
            <source>Delete mediation</source>
            <translation>删除调解记录</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="462" />
            <source>Delete the mediation of {date} at {place} (by {who}) from the dispute {number}? Only for one recorded by mistake.</source>
            <translation>删除纠纷 {number} 中 {date} 在{place}的调解记录（调解人{who}）？仅用于误录的记录。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="488" />
            <source>Delete dispute</source>
            <translation>删除矛盾纠纷</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="490" />
            <source>Delete the dispute {number} ({parties}) with its mediations and its matter in the ledger? Only for one registered by mistake.</source>
            <translation>删除矛盾纠纷 {number}（{parties}），连同调解记录和民情台账中的事项？仅用于误登记的纠纷。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="516" />
            <source>Mediation agreement {number}</source>
            <translation>人民调解协议书 {number}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/page.py" line="518" />
            <source>Mediation record {number}</source>
            <translation>矛盾纠纷调解记录 {number}</translation>
        </message>
    </context>
    <context>
        <name>DrawDialog</name>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/dialogs.py" line="127" />
            <source>New spot-check of diaries</source>
            <translation>新建民情日记抽查</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/dialogs.py" line="133" />
            <source>Village checked</source>
            <translation>抽查的村</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/dialogs.py" line="136" />
            <source>Every village's diaries</source>
            <translation>各村全部日记</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/dialogs.py" line="139" />
            <source>Village</source>
            <translation>村</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/dialogs.py" line="141" />
            <source>Cadre checked</source>
            <translation>抽查的干部</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/dialogs.py" line="142" />
            <source>Every cadre's diary</source>
            <translation>全部干部的日记</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/dialogs.py" line="144" />
            <source>{name} (left)</source>
            <translation>{name}（已离任）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/dialogs.py" line="146" />
            <source>Cadre</source>
            <translation>干部</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/dialogs.py" line="154" />
            <source>to</source>
            <translation>至</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/dialogs.py" line="157" />
            <source>Diaries written</source>
            <translation>日记期间</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/dialogs.py" line="164" />
            <source> entries</source>
            <translation> 篇</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/dialogs.py" line="165" />
            <source>Sample size</source>
            <translation>抽查篇数</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/dialogs.py" line="167" />
            <source>Inspector</source>
            <translation>抽查人</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/dialogs.py" line="169" />
            <source>e.g. 镇纪委 刘明</source>
            <translation>如：镇纪委 刘明</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/dialogs.py" line="171" />
            <source>Checked on</source>
            <translation>抽查日期</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/dialogs.py" line="173" />
            <source>Seed</source>
            <translation>随机数种子</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/dialogs.py" line="174" />
            <source>empty: a new random draw</source>
            <translation>不填：重新随机抽取</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/dialogs.py" line="175" />
            <source>Note</source>
            <translation>抽查说明</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/dialogs.py" line="178" />
            <source>The entries in scope are ordered by date and record number and a random sample is drawn with the seed; the record prints the seed, so anyone can draw the same entries again. Type an earlier seed to repeat its draw.</source>
            <translation>范围内的日记按日期和记录编号排序，用随机数种子抽取；抽查记录上印有种子，任何人都能重新抽出同样的日记。填写以前的种子可以重复那次抽取。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/dialogs.py" line="197" />
            <source>A whole number from 0 to {max}</source>
            <translation>应为0至{max}之间的整数</translation>
        </message>
    </context>
    <context>
        <name>EditDisputeDialog</name>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/edit.py" line="50" />
            <source>Correct the dispute {number}</source>
            <translation>修改纠纷 {number}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/edit.py" line="57" />
            <source>Kind of dispute</source>
            <translation>纠纷类型</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/edit.py" line="58" />
            <source>What it is about</source>
            <translation>纠纷事由</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/edit.py" line="64" />
            <location filename="../../village_desk/ui/pages/disputes/edit.py" line="100" />
            <source>Parties</source>
            <translation>当事人</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/edit.py" line="69" />
            <source>Side</source>
            <translation>当事人一方</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/edit.py" line="71" />
            <source>A villager: type a name</source>
            <translation>本村村民：输入姓名查找</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/edit.py" line="73" />
            <source>Or someone not on the list: name</source>
            <translation>或非本村登记人员：填写姓名</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/edit.py" line="74" />
            <source>Add</source>
            <translation>添加</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/edit.py" line="75" />
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/edit.py" line="76" />
            <source>Other side</source>
            <translation>换到另一方</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/edit.py" line="78" />
            <source>Move the chosen party to the other side (applicant ↔ respondent)</source>
            <translation>把选中的当事人换到另一方（申请方 ↔ 被申请方）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/edit.py" line="84" />
            <source>Add to</source>
            <translation>添加到</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/edit.py" line="103" />
            <source>At least one applicant and one respondent. The date received and the cadre in charge are changed in the ledger.</source>
            <translation>至少要有一名申请方和一名被申请方。受理日期和负责干部在民情台账中修改。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/edit.py" line="113" />
            <location filename="../../village_desk/ui/pages/disputes/edit.py" line="144" />
            <source>{name} (not on the list)</source>
            <translation>{name}（非本村登记人员）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/edit.py" line="141" />
            <source>Type the name first.</source>
            <translation>请先填写姓名。</translation>
        </message>
    </context>
    <context>
        <name>EndPairingDialog</name>
        <message>
            <location filename="../../village_desk/ui/pages/households/forms.py" line="589" />
            <source>End pairing</source>
            <translation>结束结对</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/forms.py" line="600" />
            <source>End date</source>
            <translation>结束日期</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/forms.py" line="602" />
            <source>Reason *</source>
            <translation>原因 *</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <location filename="../../village_desk/ui/errors.py" line="74" />
            <source>The database could not be opened or read. The file may be damaged: run “village-desk check” or restore a backup.</source>
            <translation>无法打开或读取数据库，文件可能已损坏。请运行“village-desk check”检查，或从备份恢复。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/errors.py" line="80" />
            <source>The data folder could not be used: {reason}</source>
            <translation>无法使用数据文件夹：{reason}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/errors.py" line="83" />
            <source>An unexpected error occurred: {reason}</source>
            <translation>发生了意外错误：{reason}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/errors.py" line="130" />
            <source>Program error</source>
            <translation>程序出错</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/errors.py" line="135" />
            <source>Village Desk hit an error it did not expect. What you saved before is safe; the last action may not have been completed.</source>
            <translation>村务民情台账遇到了一个意外错误。之前保存的数据是安全的；刚才的操作可能没有完成。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/errors.py" line="142" />
            <source>Error: {reason}</source>
            <translation>错误：{reason}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/errors.py" line="146" />
            <source>Log file: {path}</source>
            <translation>日志文件：{path}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/errors.py" line="154" />
            <source>Copy details</source>
            <translation>复制详情</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/errors.py" line="171" />
            <source>Copied</source>
            <translation>已复制</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/errors.py" line="156" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
    </context>
    <context>
        <name>ExchangeFilesPanel</name>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="112" />
            <source>Exchange files (township and other laptops)</source>
            <translation>交换文件（与乡镇、本村其他电脑互传）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="122" />
            <source>Carry this laptop's changes to the township office on a USB stick or by WeChat, and bring the township's reply back. Files are encrypted and signed; importing merges without losing anything, and importing the same file twice changes nothing.</source>
            <translation>把本机的改动用 U 盘或微信带到乡镇，再把乡镇的回复带回来。交换文件经过加密和签名；导入时合并、不丢任何改动，同一个文件导入两次也不会重复。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="135" />
            <source>Export an exchange file…</source>
            <translation>导出交换文件…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="137" />
            <source>Import an exchange file…</source>
            <translation>导入交换文件…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="139" />
            <source>Set the passphrase…</source>
            <translation>设置交换口令…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="142" />
            <source>For:</source>
            <translation>发给：</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="148" />
            <source>Conflicts and checks…</source>
            <translation>冲突与待核对…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="150" />
            <source>What merging left for a person to decide, and the rules records break</source>
            <translation>合并后需要人来决定的冲突，以及违反规则、待核对的记录</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="163" />
            <source>Copy</source>
            <translation>交换对象</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="164" />
            <source>Code</source>
            <translation>代码</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="165" />
            <source>Waiting to send</source>
            <translation>待发送改动</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="166" />
            <source>Last exchange</source>
            <translation>最近交换</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="167" />
            <source>Key</source>
            <translation>密钥指纹</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="170" />
            <source>Stop accepting this laptop…</source>
            <translation>停用这台电脑…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="172" />
            <source>For a lost or stolen laptop: its files are refused from now on.</source>
            <translation>电脑丢失或被盗时使用：此后拒绝它的交换文件。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="181" />
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="182" />
            <source>Direction</source>
            <translation>方向</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="183" />
            <source>Changes</source>
            <translation>改动条数</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="184" />
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="192" />
            <source>Peers</source>
            <translation>交换对象</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="198" />
            <source>Files sent and received</source>
            <translation>收发记录</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="234" />
            <source>This laptop's key fingerprint: {fingerprint}</source>
            <translation>本机密钥指纹：{fingerprint}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="247" />
            <source>Everything of {village} (its new laptop)</source>
            <translation>{village}的全部记录（给该村新电脑）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="250" />
            <source>Everything, all villages (the county)</source>
            <translation>全部村的全部记录（给县里）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="253" />
            <source>Everything (a new laptop, the first time)</source>
            <translation>全部记录（新电脑或第一次汇总）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="270" />
            <source>{key} (stopped)</source>
            <translation>{key}（已停用）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="284" />
            <source>sent to {peer}</source>
            <translation>发给 {peer}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="286" />
            <source>sent (everything)</source>
            <translation>导出（全部记录）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="289" />
            <source>received from {peer}</source>
            <translation>收到 {peer}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="334" />
            <source>The passphrase is saved on this computer.</source>
            <translation>交换口令已保存在本机。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="340" />
            <source>Save the exchange file</source>
            <translation>保存交换文件</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="340" />
            <source>Exchange file (*.vdx)</source>
            <translation>交换文件 (*.vdx)</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="376" />
            <source>Writing the exchange file…</source>
            <translation>正在写交换文件…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="381" />
            <source>Export cancelled; no file was written.</source>
            <translation>已取消导出，没有写入任何文件。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="393" />
            <source>for {peer}</source>
            <translation>（发给 {peer}）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="395" />
            <source>with everything</source>
            <translation>（全部记录）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="399" />
            <source>Exchange file written {to}: {changes} changes.
File: {path}
Carry it to the receiver (USB stick or WeChat); it is encrypted.</source>
            <translation>交换文件已导出{to}：{changes} 条改动。
文件：{path}
请用 U 盘或微信交给对方；文件已加密。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="406" />
            <source>{n} attached photos or scans are missing or damaged on this computer and were not included.</source>
            <translation>另有 {n} 个附件（照片、扫描件）的文件在本机缺失或已损坏，没有带上。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="421" />
            <source>Photos and scans in the file: {n} ({size}).</source>
            <translation>文件中的照片、扫描件：{n} 个（{size}）。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="433" />
            <source>Import an exchange file</source>
            <translation>导入交换文件</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="435" />
            <source>Exchange file (*.vdx);;All files (*)</source>
            <translation>交换文件 (*.vdx);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="464" />
            <source>Checking the exchange file…</source>
            <translation>正在检查交换文件…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="475" />
            <source>Not imported: the laptop was not confirmed.</source>
            <translation>没有导入：未确认对方电脑。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="482" />
            <source>A laptop not seen before</source>
            <translation>新的交换对象</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="485" />
            <source>This file comes from a laptop this computer has not exchanged with yet:
{label}

Key fingerprint: {fingerprint}

Ask its user (on the phone) to read the fingerprint shown on their 数据交换 page. Import only if both are the same.</source>
            <translation>这个文件来自一台本机还没有交换过的电脑：
{label}

密钥指纹：{fingerprint}

请打电话让对方念一下其“数据交换”页上显示的本机密钥指纹，两者一致才导入。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="491" />
            <source>Same — import</source>
            <translation>一致，导入</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="505" />
            <source>Importing the exchange file…</source>
            <translation>正在导入交换文件…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="510" />
            <source>Import cancelled; nothing was changed.</source>
            <translation>已取消导入，没有改动任何内容。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="520" />
            <source>This file was already imported on {when}; nothing was changed.</source>
            <translation>这个文件已在 {when} 导入过，没有任何改动。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="529" />
            <source>Imported {file} from {source}: {new} new changes ({known} already here), {records} records updated. Open conflicts: {conflicts}; rules to check: {broken}.
A backup was taken before the import.</source>
            <translation>已导入 {file}（来自 {source}）：新改动 {new} 条（本机已有 {known} 条），更新记录 {records} 条。待处理冲突 {conflicts} 条，待核对 {broken} 条。
导入前已自动备份数据库。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="559" />
            <source>Stop accepting this laptop</source>
            <translation>停用这台电脑</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="561" />
            <source>From now on, exchange files from “{label}” are refused (for a lost or stolen laptop). Records already imported stay. Continue?</source>
            <translation>此后将拒绝来自“{label}”的交换文件（用于电脑丢失或被盗）。已经导入的记录保留。继续吗？</translation>
        </message>
    </context>
    <context>
        <name>ExchangePage</name>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/page.py" line="55" />
            <source>Import a household roster (Excel)</source>
            <translation>导入花名册（Excel）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/page.py" line="58" />
            <source>Bring households and members in from the roster (花名册) the village already keeps: .xlsx, .xls or .ods, title rows and several sheets are fine. A dry run shows row by row what would be created, updated or refused before anything is written; importing the same file again creates no duplicates.</source>
            <translation>把村里现有的花名册中的户和成员导入进来，不必重新录入：支持 .xlsx、.xls 和 .ods，有标题行、多个工作表都可以。写入之前先检查，逐行列出将新增、更新和不能导入的人及原因；同一文件再次导入不会重复。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/page.py" line="65" />
            <source>Import a roster…</source>
            <translation>导入花名册…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/page.py" line="84" />
            <source>Data exchange</source>
            <translation>数据交换</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/page.py" line="120" />
            <source>Last ledger export on this computer: {when}</source>
            <translation>本机上次导出台账：{when}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/page.py" line="122" />
            <source>No ledger exported from this computer yet.</source>
            <translation>本机尚未导出过台账。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/page.py" line="132" />
            <source>Last import: {when}, {created} new, {updated} updated, {refused} not imported.</source>
            <translation>上次导入：{when}，新增 {created} 人，更新 {updated} 人，未导入 {refused} 行。</translation>
        </message>
    </context>
    <context>
        <name>FilterBar</name>
        <message>
            <location filename="../../village_desk/ui/widgets/filter_bar.py" line="61" />
            <source>Clear filters</source>
            <translation>清除筛选</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/filter_bar.py" line="70" />
            <source>Showing only: {filters}</source>
            <translation>当前只显示：{filters}</translation>
        </message>
    </context>
    <context>
        <name>FirstRunDialog</name>
        <message>
            <location filename="../../village_desk/ui/first_run.py" line="63" />
            <source>Welcome to Village Desk</source>
            <translation>欢迎使用村务民情台账</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/first_run.py" line="103" />
            <source>e.g. Taohua Village</source>
            <translation>例如：桃花村</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/first_run.py" line="104" />
            <source>Village name</source>
            <translation>村名</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/first_run.py" line="110" />
            <source>This is the township office's computer (it collects all its villages)</source>
            <translation>这是乡镇汇总用的电脑（收集全乡镇各村的数据）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/first_run.py" line="114" />
            <source>The villages' laptops send their exchange files here; this computer shows them side by side. Only the township's name is needed.</source>
            <translation>各村电脑把交换文件送到这里，这台电脑把各村并排显示。只需填写乡镇名称。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/first_run.py" line="120" />
            <source>e.g. 0731-84123456</source>
            <translation>如 0731-84123456</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/first_run.py" line="128" />
            <source>Village code</source>
            <translation>村代码</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/first_run.py" line="131" />
            <source>Laptop letter</source>
            <translation>本机字母</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/first_run.py" line="147" />
            <source>Village (community) *</source>
            <translation>村（社区）名称 *</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/first_run.py" line="149" />
            <source>Township</source>
            <translation>乡镇</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/first_run.py" line="151" />
            <source>County</source>
            <translation>县（市、区）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/first_run.py" line="152" />
            <source>Service station phone</source>
            <translation>村服务站电话</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/first_run.py" line="154" />
            <source>Secretary mailbox / hotline</source>
            <translation>书记信箱/专线电话</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/first_run.py" line="157" />
            <source>+ this laptop's letter</source>
            <translation>+ 本机字母</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/first_run.py" line="160" />
            <source>Matter numbers: village code</source>
            <translation>事项编号：村代码</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/first_run.py" line="164" />
            <source>Load demonstration data now</source>
            <translation>直接载入示范数据</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/first_run.py" line="168" />
            <source>An invented village with {n} households, cadres, visits and matters; no need to fill in this form</source>
            <translation>虚构的示范村，含 {n} 户及干部、民情日记和台账事项；不用填写本页</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/first_run.py" line="174" />
            <source>Just want to look around first? Load the invented demonstration village and skip the set-up. Use a separate data folder for real work.</source>
            <translation>想先看看？直接载入虚构的示范村，跳过以上设置。正式使用请另建一个数据文件夹。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/first_run.py" line="185" />
            <source>1. Village</source>
            <translation>第一步：村庄信息</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/first_run.py" line="233" />
            <source>Matters registered on this laptop are numbered {example}. The township gives each village its code; each laptop of a village takes its own letter (B, C… for the second and third), so that no two numbers are alike.</source>
            <translation>在这台电脑上登记的事项编号为 {example}。村代码由乡镇统一分配；同村每台电脑用自己的字母（第二台用 B，第三台用 C……），这样全乡镇的事项编号不会重复。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/first_run.py" line="249" />
            <source>Cadre name</source>
            <translation>干部姓名</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/first_run.py" line="252" />
            <source>Add cadre</source>
            <translation>添加干部</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/first_run.py" line="260" />
            <source>Name *</source>
            <translation>姓名 *</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/first_run.py" line="262" />
            <source>Role</source>
            <translation>职务</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/first_run.py" line="263" />
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/first_run.py" line="270" />
            <source>2. Cadres</source>
            <translation>第二步：干部</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/first_run.py" line="275" />
            <source>Cadres added:</source>
            <translation>已添加的干部：</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/first_run.py" line="285" />
            <source>Load demonstration data</source>
            <translation>载入示范数据</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/first_run.py" line="286" />
            <source>Start empty</source>
            <translation>从空白开始</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/first_run.py" line="287" />
            <source>Import a household roster (Excel)</source>
            <translation>导入户籍花名册（Excel）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/first_run.py" line="301" />
            <source> households</source>
            <translation> 户</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/first_run.py" line="309" />
            <source>Demonstration data are invented households, visits and matters. Use a separate data folder for real work.</source>
            <translation>示范数据中的户、走访和事项都是虚构的。正式工作请使用单独的数据文件夹。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/first_run.py" line="74" />
            <source>Start</source>
            <translation>开始使用</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/first_run.py" line="71" />
            <source>Back</source>
            <translation>上一步</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/first_run.py" line="72" />
            <source>Next</source>
            <translation>下一步</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/first_run.py" line="97" />
            <source>This computer has no village data yet. Enter your village; it appears on cards and reports.</source>
            <translation>这台电脑上还没有村里的数据。请填写村庄信息，它会出现在联系卡和报表上。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/first_run.py" line="243" />
            <source>Add yourself first, then the other cadres who will use this computer (you can add more later in Settings).</source>
            <translation>请先添加您本人，再添加将使用这台电脑的其他干部（以后可在“设置”中继续添加）。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/first_run.py" line="290" />
            <source>Import households and members from the roster the village keeps in Excel, after this step</source>
            <translation>完成这一步后，从村里现有的 Excel 花名册导入户和成员</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/first_run.py" line="317" />
            <source>3. How to start</source>
            <translation>第三步：开始方式</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/first_run.py" line="327" />
            <source>Step {n} of 3</source>
            <translation>第 {n} 步，共 3 步</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/first_run.py" line="359" />
            <source>Not available: you have added your own cadres. Demonstration data go only into an empty data folder; to look around, start the program with another one.</source>
            <translation>不可用：您已添加了本村干部。演示数据只能放进空的数据文件夹；如想试用，请用另一个数据文件夹启动程序。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/first_run.py" line="399" />
            <source>Please enter the township's name: this computer collects its villages.</source>
            <translation>请填写乡镇名称：这台电脑收集本乡镇各村的数据。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/first_run.py" line="405" />
            <source>Please enter the name of the village (community); it appears on cards and reports.</source>
            <translation>请填写村（社区）名称，联系卡和报表上都会用到。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/first_run.py" line="511" />
            <source>Creating demonstration data…</source>
            <translation>正在生成示范数据……</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/first_run.py" line="75" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/first_run.py" line="519" />
            <source>Demonstration data</source>
            <translation>演示数据</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/first_run.py" line="539" />
            <source>The demonstration data could not be created: {reason}</source>
            <translation>未能生成示范数据：{reason}</translation>
        </message>
    </context>
    <context>
        <name>FrequencyDialog</name>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/dialogs.py" line="381" />
            <source>How often meetings are held</source>
            <translation>会议频次</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/dialogs.py" line="390" />
            <source>No fixed rhythm</source>
            <translation>不定期</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/dialogs.py" line="391" />
            <source> months</source>
            <translation> 个月一次</translation>
        </message>
    </context>
    <context>
        <name>HistoryView</name>
        <message>
            <location filename="../../village_desk/ui/widgets/history.py" line="41" />
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/history.py" line="42" />
            <source>Cadre</source>
            <translation>干部</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/history.py" line="43" />
            <source>Computer</source>
            <translation>电脑</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/history.py" line="44" />
            <source>What</source>
            <translation>内容</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/history.py" line="45" />
            <source>Changes</source>
            <translation>修改</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/history.py" line="58" />
            <source>Every change, newest first: who made it, on which computer, and each field from what to what. ID numbers and phones are masked.</source>
            <translation>每一次修改，最新的在前：谁在哪台电脑上改的，每一项从什么改成什么。身份证号和电话已打码。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/history.py" line="93" />
            <source>(no cadre chosen)</source>
            <translation>（未选择干部）</translation>
        </message>
    </context>
    <context>
        <name>HouseholdDialog</name>
        <message>
            <location filename="../../village_desk/ui/pages/households/forms.py" line="359" />
            <source>Edit household</source>
            <translation>修改户信息</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/forms.py" line="359" />
            <source>New household</source>
            <translation>新建户</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/forms.py" line="361" />
            <source>Household no.</source>
            <translation>户号</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/forms.py" line="456" />
            <source>(no group)</source>
            <translation>（未分组）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/forms.py" line="382" />
            <source>Work, schooling, medical care, old-age care, income, housing…</source>
            <translation>就业、子女入学、医疗、养老、收入、住房…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/forms.py" line="366" />
            <source>Village</source>
            <translation>村</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/forms.py" line="370" />
            <source>(choose a village)</source>
            <translation>（请选择村）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/forms.py" line="389" />
            <source>Household</source>
            <translation>户</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/forms.py" line="400" />
            <source>Village *</source>
            <translation>所属村 *</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/forms.py" line="401" />
            <source>Household no. *</source>
            <translation>户号 *</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/forms.py" line="402" />
            <source>Group</source>
            <translation>组</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/forms.py" line="403" />
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/forms.py" line="404" />
            <source>Household phone</source>
            <translation>家庭电话</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/forms.py" line="405" />
            <source>Categories</source>
            <translation>类别</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/forms.py" line="406" />
            <source>Situation</source>
            <translation>家庭情况</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/forms.py" line="407" />
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/forms.py" line="414" />
            <source>Head of household</source>
            <translation>户主</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/forms.py" line="419" />
            <source>Further members are added on the household page.</source>
            <translation>其他家庭成员在户页面中添加。</translation>
        </message>
    </context>
    <context>
        <name>HouseholdFilterEdit</name>
        <message>
            <location filename="../../village_desk/ui/widgets/pickers.py" line="278" />
            <source>Household: name, pinyin initials, phone…</source>
            <translation>户：姓名、拼音首字母、电话……</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/pickers.py" line="279" />
            <source>Show only the entries of one household</source>
            <translation>只看某一户的民情日记</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/pickers.py" line="280" />
            <source>Household filter</source>
            <translation>按户筛选</translation>
        </message>
    </context>
    <context>
        <name>HouseholdPicker</name>
        <message>
            <location filename="../../village_desk/ui/widgets/pickers.py" line="46" />
            <source>Name, pinyin initials, phone or household no.</source>
            <translation>姓名、拼音首字母、电话或户号</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/pickers.py" line="47" />
            <source>Find household</source>
            <translation>查找户</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/pickers.py" line="55" />
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/pickers.py" line="84" />
            <source>{name} · household {number} {group}</source>
            <translation>{name} · 户号 {number} {group}</translation>
        </message>
    </context>
    <context>
        <name>HouseholdTableModel</name>
        <message>
            <location filename="../../village_desk/ui/pages/households/model.py" line="47" />
            <source>Household no.</source>
            <translation>户号</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/model.py" line="48" />
            <source>Head</source>
            <translation>户主</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/model.py" line="49" />
            <source>Group</source>
            <translation>组</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/model.py" line="50" />
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/model.py" line="51" />
            <source>Categories</source>
            <translation>类别</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/model.py" line="52" />
            <source>Paired cadres</source>
            <translation>结对干部</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/model.py" line="53" />
            <source>Last visit</source>
            <translation>最近走访</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/model.py" line="54" />
            <source>Open matters</source>
            <translation>未办结事项</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/model.py" line="55" />
            <source>Village</source>
            <translation>村</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/model.py" line="89" />
            <source>{n} overdue</source>
            <translation>其中 {n} 件已逾期</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/model.py" line="117" />
            <source>never</source>
            <translation>从未走访</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/model.py" line="124" />
            <source>{n} ({overdue} overdue)</source>
            <translation>{n}（逾期 {overdue}）</translation>
        </message>
    </context>
    <context>
        <name>HouseholdView</name>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="150" />
            <source>← Back to list</source>
            <translation>← 返回列表</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="152" />
            <source>Edit…</source>
            <translation>修改…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="153" />
            <source>New diary entry</source>
            <translation>新写民情日记</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="154" />
            <source>Diary entries of this household</source>
            <translation>查看此户民情日记</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="156" />
            <source>The 民情日记 list showing only this household's visits</source>
            <translation>打开民情日记列表，只显示对这一户的走访</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="158" />
            <source>New matter</source>
            <translation>登记事项</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="163" />
            <source>Print contact card…</source>
            <translation>打印联系卡…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="164" />
            <source>Preview and print this household's card (Ctrl+P)</source>
            <translation>预览并打印本户的联系卡（Ctrl+P）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="165" />
            <location filename="../../village_desk/ui/pages/households/view.py" line="461" />
            <source>Delete household</source>
            <translation>删除此户</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="193" />
            <source>Group</source>
            <translation>组</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="194" />
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="195" />
            <location filename="../../village_desk/ui/pages/households/view.py" line="214" />
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="196" />
            <source>Categories</source>
            <translation>类别</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="198" />
            <location filename="../../village_desk/ui/pages/households/view.py" line="268" />
            <source>Paired cadres</source>
            <translation>结对干部</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="199" />
            <source>Situation</source>
            <translation>家庭情况</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="200" />
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="209" />
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="210" />
            <source>Relation</source>
            <translation>关系</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="211" />
            <source>Gender</source>
            <translation>性别</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="212" />
            <source>Birth date</source>
            <translation>出生日期</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="213" />
            <source>ID number</source>
            <translation>公民身份号码</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="215" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="216" />
            <source>Party member</source>
            <translation>党员</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="217" />
            <source>Tags</source>
            <translation>标签</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="220" />
            <source>Add member…</source>
            <translation>添加成员…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="221" />
            <source>Edit member…</source>
            <translation>修改成员…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="222" />
            <location filename="../../village_desk/ui/pages/households/view.py" line="496" />
            <source>Remove member</source>
            <translation>移除成员</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="237" />
            <source>Cadre</source>
            <translation>干部</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="238" />
            <source>Kind</source>
            <translation>类别</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="239" />
            <source>Start</source>
            <translation>开始使用</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="240" />
            <source>End</source>
            <translation>结束</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="241" />
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="244" />
            <source>Pair a cadre…</source>
            <translation>添加结对…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="245" />
            <source>End pairing…</source>
            <translation>结束结对…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="257" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="257" />
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="257" />
            <source>What</source>
            <translation>内容</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="257" />
            <source>Details</source>
            <translation>详情</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="261" />
            <source>Double-click a row to open the diary entry or matter.</source>
            <translation>双击一行可打开对应的民情日记或台账事项。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="267" />
            <source>Members</source>
            <translation>家庭成员</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="269" />
            <source>Timeline</source>
            <translation>走访和事项</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="367" />
            <source>Household {number} · {head}</source>
            <translation>户号 {number} · {head}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="368" />
            <source>(no head)</source>
            <translation>（无户主）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="387" />
            <source>Yes</source>
            <translation>是</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="417" />
            <source>current</source>
            <translation>在结对</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="424" />
            <source>Visit</source>
            <translation>走访</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="424" />
            <source>Matter</source>
            <translation>事项</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="433" />
            <source>Timeline ({n})</source>
            <translation>走访和事项（{n}）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="434" />
            <source>Members ({n})</source>
            <translation>家庭成员（{n}）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="463" />
            <source>Delete household {number} with its members and pairings? Visits and matters stay. You can undo this right afterwards.</source>
            <translation>删除户号 {number} 及其家庭成员和结对？走访记录和台账事项会保留。删除后可以马上撤销。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="497" />
            <source>Remove {name} from this household?</source>
            <translation>把 {name} 从这一户中移除？</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="271" />
            <source>Change history</source>
            <translation>修改记录</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="159" />
            <location filename="../../village_desk/ui/pages/households/view.py" line="375" />
            <source>Show phone numbers</source>
            <translation>显示电话</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="375" />
            <source>Hide phone numbers</source>
            <translation>隐藏电话</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/view.py" line="161" />
            <source>Phone numbers are masked; show this household's in full to call them</source>
            <translation>电话号码已打码；需要打电话时，可在这里显示本户的完整号码</translation>
        </message>
    </context>
    <context>
        <name>HouseholdsPage</name>
        <message>
            <location filename="../../village_desk/ui/pages/households/page.py" line="82" />
            <location filename="../../village_desk/ui/pages/households/page.py" line="112" />
            <location filename="../../village_desk/ui/pages/households/page.py" line="404" />
            <source>Group</source>
            <translation>组</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/page.py" line="84" />
            <location filename="../../village_desk/ui/pages/households/page.py" line="115" />
            <location filename="../../village_desk/ui/pages/households/page.py" line="405" />
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/page.py" line="87" />
            <source>Paired cadre</source>
            <translation>结对干部</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/page.py" line="89" />
            <source>Has overdue matter</source>
            <translation>有逾期事项</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/page.py" line="90" />
            <source>New household…</source>
            <translation>新建户…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/page.py" line="91" />
            <source>New household (Ctrl+N)</source>
            <translation>新建户（Ctrl+N）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/page.py" line="92" />
            <source>Open</source>
            <translation>打开</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/page.py" line="93" />
            <source>Print contact cards…</source>
            <translation>打印联系卡…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/page.py" line="95" />
            <source>Cards for the selected households, the filtered group or category, or all</source>
            <translation>为选中的户、筛选的小组或户类别、或全村打印联系卡</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/page.py" line="101" />
            <source>Not visited for over</source>
            <translation>超过</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/page.py" line="104" />
            <source> days</source>
            <translation> 天未走访</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/page.py" line="118" />
            <location filename="../../village_desk/ui/pages/households/page.py" line="406" />
            <source>Cadre</source>
            <translation>干部</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/page.py" line="403" />
            <source>Village</source>
            <translation>村</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/page.py" line="495" />
            <source>Contact card {number}</source>
            <translation>联系卡 {number}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/page.py" line="231" />
            <source>All cadres</source>
            <translation>全部干部</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/page.py" line="251" />
            <source>All groups</source>
            <translation>全部组</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/page.py" line="226" />
            <source>All categories</source>
            <translation>全部类别</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/page.py" line="417" />
            <source>{n} matching households</source>
            <translation>符合条件 {n} 户</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/page.py" line="419" />
            <source>{n} households</source>
            <translation>共 {n} 户</translation>
        </message>
    </context>
    <context>
        <name>LedgerExportPanel</name>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/ledger_export.py" line="184" />
            <source>Export the ledger workbook (Excel)</source>
            <translation>导出台账（Excel）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/ledger_export.py" line="198" />
            <source>One workbook for the township: matters, overdue matters, visit diary, contact households, cadre visit statistics, pairing checks, a summary, public commitments, meetings, disputes and the cadres' yearly assessment, for the chosen period.</source>
            <translation>报乡镇用的一个工作簿，含所选期间的民情台账、逾期事项、走访记录、联系户花名册、干部走访统计、结对检查、统计汇总、公开承诺、会议记录、矛盾纠纷和干部考核十一张表（乡镇汇总库另有各村汇总）。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/ledger_export.py" line="206" />
            <location filename="../../village_desk/ui/pages/exchange/ledger_export.py" line="220" />
            <source>Prepared by</source>
            <translation>制表人</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/ledger_export.py" line="208" />
            <source>Show full ID numbers and phone numbers</source>
            <translation>显示完整身份证号和电话</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/ledger_export.py" line="210" />
            <source>By default the middle digits are hidden, e.g. 430521********1234.</source>
            <translation>默认隐去中间几位，例如 430521********1234。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/ledger_export.py" line="215" />
            <source>Export…</source>
            <translation>导出…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/ledger_export.py" line="219" />
            <source>Period</source>
            <translation>统计期间</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/ledger_export.py" line="229" />
            <source>Open the folder</source>
            <translation>打开文件所在文件夹</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/ledger_export.py" line="264" />
            <source>Full ID numbers and phones</source>
            <translation>完整身份证号和电话</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/ledger_export.py" line="266" />
            <source>The workbook will contain villagers' full ID numbers and phone numbers. These are personal data: send the file only to those who need it, do not post it in chat groups, and delete copies you no longer need.

Export the full numbers?</source>
            <translation>导出的工作簿将包含村民完整的身份证号和电话号码。这些是个人信息：只发给确实需要的人，不要发到微信群等聊天群里，用完请删除多余的副本。

确定导出完整号码吗？</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/ledger_export.py" line="279" />
            <source>{village}ledger-{period}.xlsx</source>
            <translation>{village}民情台账-{period}.xlsx</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/ledger_export.py" line="284" />
            <source>Save the ledger workbook</source>
            <translation>保存台账工作簿</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/ledger_export.py" line="284" />
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/ledger_export.py" line="334" />
            <source>Exporting the ledger for {period}…</source>
            <translation>正在导出{period}的台账…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/ledger_export.py" line="358" />
            <source>ID numbers and phones are masked.</source>
            <translation>身份证号和电话已打码。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/ledger_export.py" line="360" />
            <source>Full ID numbers and phones: keep the file safe.</source>
            <translation>含完整身份证号和电话，请妥善保管。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/ledger_export.py" line="364" />
            <source>Exported {period}: {matters} matters, {entries} diary entries, {households} households, {cadres} cadres. {masked}
File: {path}</source>
            <translation>已导出{period}：{matters} 件事项，{entries} 篇走访记录，{households} 户，{cadres} 名干部。{masked}
文件：{path}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/ledger_export.py" line="341" />
            <source>Export cancelled; no file was written.</source>
            <translation>已取消导出，没有写入任何文件。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/ledger_export.py" line="382" />
            <source>The file could not be written: {reason}</source>
            <translation>文件无法写入：{reason}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/ledger_export.py" line="388" />
            <source>The ledger could not be exported: {reason}</source>
            <translation>台账未能导出：{reason}</translation>
        </message>
    </context>
    <context>
        <name>LedgerPage</name>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/page.py" line="258" />
            <source>Overdue</source>
            <translation>逾期</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/page.py" line="259" />
            <source>Due soon</source>
            <translation>即将到期</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/page.py" line="260" />
            <source>Register matter…</source>
            <translation>登记事项…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/page.py" line="261" />
            <source>Register a matter (Ctrl+N)</source>
            <translation>登记台账事项（Ctrl+N）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/page.py" line="262" />
            <source>Open</source>
            <translation>打开</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/page.py" line="263" />
            <source>Month-end review…</source>
            <translation>月底销号…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/page.py" line="264" />
            <source>Print public notice…</source>
            <translation>打印公示…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/page.py" line="266" />
            <source>公示 sheet of a month for the notice board (Ctrl+P)</source>
            <translation>打印某月的公示表，张贴到村务公开栏（Ctrl+P）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/page.py" line="268" />
            <source>Print month-end ledger…</source>
            <translation>打印月底台账…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/page.py" line="279" />
            <location filename="../../village_desk/ui/pages/ledger/page.py" line="483" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/page.py" line="280" />
            <location filename="../../village_desk/ui/pages/ledger/page.py" line="484" />
            <source>Kind</source>
            <translation>类别</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/page.py" line="281" />
            <location filename="../../village_desk/ui/pages/ledger/page.py" line="485" />
            <source>Level</source>
            <translation>办理层级</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/page.py" line="282" />
            <location filename="../../village_desk/ui/pages/ledger/page.py" line="486" />
            <source>Responsible</source>
            <translation>责任人</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/page.py" line="283" />
            <location filename="../../village_desk/ui/pages/ledger/page.py" line="487" />
            <source>Month</source>
            <translation>月份</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/page.py" line="294" />
            <source>Red: overdue · yellow deadline: due within a few days</source>
            <translation>红色：逾期 · 黄色时限：即将到期</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/page.py" line="399" />
            <source>All</source>
            <translation>全部</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/page.py" line="399" />
            <source>Open (not done)</source>
            <translation>未办结</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/page.py" line="401" />
            <source>All kinds</source>
            <translation>全部类别</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/page.py" line="402" />
            <source>All levels</source>
            <translation>全部层级</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/page.py" line="403" />
            <source>All cadres</source>
            <translation>全部干部</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/page.py" line="404" />
            <source>All months</source>
            <translation>全部月份</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/page.py" line="482" />
            <source>Village</source>
            <translation>村</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/page.py" line="495" />
            <source>{n} matters</source>
            <translation>共 {n} 件</translation>
        </message>
    </context>
    <context>
        <name>LedgerPrintDialog</name>
        <message>
            <location filename="../../village_desk/ui/printing/dialogs.py" line="322" />
            <source>Print public notice</source>
            <translation>打印公示</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/dialogs.py" line="324" />
            <source>Print month-end ledger</source>
            <translation>打印月底台账</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/dialogs.py" line="332" />
            <source>Matters marked for public notice; applicants' names and numbers are masked.</source>
            <translation>只列出标为公示的事项；申请人姓名和号码已打码。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/dialogs.py" line="334" />
            <source>Every matter of the month with its progress, on landscape pages.</source>
            <translation>列出当月全部事项及办理情况，横向打印。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/dialogs.py" line="339" />
            <source>Month</source>
            <translation>月份</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/dialogs.py" line="343" />
            <source>Preview…</source>
            <translation>预览…</translation>
        </message>
    </context>
    <context>
        <name>LockController</name>
        <message>
            <location filename="../../village_desk/ui/lock.py" line="306" />
            <source>Lock</source>
            <translation>锁定</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/lock.py" line="309" />
            <source>Lock the window now (Ctrl+L)</source>
            <translation>立即锁定窗口（Ctrl+L）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/lock.py" line="315" />
            <source>Read-only (inspector): looking is allowed, changing is not</source>
            <translation>只读（检查人员）：可以查看，不能修改</translation>
        </message>
    </context>
    <context>
        <name>LockDialog</name>
        <message>
            <location filename="../../village_desk/ui/lock.py" line="218" />
            <source>Village Desk — locked</source>
            <translation>村务民情台账 — 已锁定</translation>
        </message>
    </context>
    <context>
        <name>LockPanel</name>
        <message>
            <location filename="../../village_desk/ui/lock.py" line="79" />
            <source>Village Desk is locked</source>
            <translation>村务民情台账已锁定</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/lock.py" line="85" />
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/lock.py" line="88" />
            <source>Unlock</source>
            <translation>解锁</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/lock.py" line="91" />
            <source>Quit</source>
            <translation>退出程序</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/lock.py" line="98" />
            <source>Forgot the password?</source>
            <translation>忘记密码？</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/lock.py" line="103" />
            <source>The password cannot be recovered: only a fingerprint of it is kept. Your data stay as they are. Whoever looks after this computer can remove the lock: logged in to this computer's account, run “village-desk lock reset” (it needs the data folder and is written to the log), then set a new password in 设置 → 安全.</source>
            <translation>密码无法找回：程序只保存密码的指纹。数据不受影响。负责这台电脑的人可以解除锁定：用这台电脑的系统账户登录，运行“village-desk lock reset”（需要能访问数据文件夹，解除会记入日志），然后在“设置 → 安全”重新设置密码。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/lock.py" line="161" />
            <source>The inspector's password does not open a window a cadre is using. The cadre unlocks it, or quit and start the program again.</source>
            <translation>检查人员密码不能解锁干部正在使用的窗口。请干部解锁，或退出程序后重新打开。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/lock.py" line="170" />
            <source>Wrong password.</source>
            <translation>密码不对。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/lock.py" line="185" />
            <source>Too many wrong passwords. Try again in {seconds} s.</source>
            <translation>密码输错次数太多，请 {seconds} 秒后再试。</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../village_desk/ui/main_window.py" line="88" />
            <source>Village Desk — {village}</source>
            <translation>村务民情台账 — {village}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/main_window.py" line="90" />
            <source>Village Desk</source>
            <translation>村务民情台账</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/main_window.py" line="99" />
            <source>Work bench</source>
            <translation>工作台</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/main_window.py" line="100" />
            <source>Households</source>
            <translation>户情</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/main_window.py" line="101" />
            <source>Visit diary</source>
            <translation>民情日记</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/main_window.py" line="102" />
            <source>Matter ledger</source>
            <translation>民情台账</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/main_window.py" line="103" />
            <source>Commitments</source>
            <translation>公开承诺</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/main_window.py" line="104" />
            <source>Meetings</source>
            <translation>会议记录</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/main_window.py" line="105" />
            <source>Disputes</source>
            <translation>矛盾纠纷</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/main_window.py" line="106" />
            <source>Statistics</source>
            <translation>统计</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/main_window.py" line="107" />
            <source>Assessment</source>
            <translation>考核</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/main_window.py" line="108" />
            <source>Data exchange</source>
            <translation>数据交换</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/main_window.py" line="109" />
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/main_window.py" line="112" />
            <source>Township summary</source>
            <translation>乡镇汇总</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/main_window.py" line="127" />
            <source>{page} (Ctrl+{n})</source>
            <translation>{page}（Ctrl+{n}）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/main_window.py" line="138" />
            <source>Tool bar</source>
            <translation>工具栏</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/main_window.py" line="157" />
            <source>Find</source>
            <translation>查找</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/main_window.py" line="166" />
            <source>New</source>
            <translation>新建</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/main_window.py" line="169" />
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/main_window.py" line="172" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/main_window.py" line="175" />
            <source>Print</source>
            <translation>打印</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/main_window.py" line="198" />
            <source>Data on the server {host}</source>
            <translation>数据保存在服务器 {host}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/main_window.py" line="200" />
            <source>Data saved on this computer</source>
            <translation>数据保存在本机</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/main_window.py" line="203" />
            <source>Data: {location}</source>
            <translation>数据位置：{location}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/main_window.py" line="205" />
            <source>This computer: {name}</source>
            <translation>本机：{name}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/main_window.py" line="209" />
            <source>Switch</source>
            <translation>切换</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/main_window.py" line="210" />
            <source>Choose who is entering data</source>
            <translation>选择正在录入的干部</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/main_window.py" line="215" />
            <location filename="../../village_desk/ui/main_window.py" line="414" />
            <source>Last export: {when}</source>
            <translation>上次导出：{when}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/main_window.py" line="217" />
            <source>Not exported yet</source>
            <translation>尚未导出</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/main_window.py" line="337" />
            <source>{name}'s household is not in the list.</source>
            <translation>列表中没有找到{name}所在的户。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/main_window.py" line="499" />
            <source>Operator: {name}</source>
            <translation>当前操作人：{name}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/main_window.py" line="499" />
            <source>No operator chosen</source>
            <translation>未选择操作人</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/main_window.py" line="624" />
            <source>Printing: contact cards from 户情, diaries from 民情日记, notices and ledger sheets from 民情台账.</source>
            <translation>打印：联系卡在“户情”，民情日记在“民情日记”，公示和月底台账在“民情台账”。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/main_window.py" line="152" />
            <source>About</source>
            <translation>关于</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/main_window.py" line="153" />
            <source>Version, data location and log folder</source>
            <translation>版本、数据位置和日志文件夹</translation>
        </message>
    </context>
    <context>
        <name>MatterDialog</name>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="210" />
            <source>Edit matter {number}</source>
            <translation>修改事项 {number}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="212" />
            <source>Register a matter</source>
            <translation>登记台账事项</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="234" />
            <source>(none)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="245" />
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="301" />
            <source>Village</source>
            <translation>村</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="247" />
            <source>(the township office's own)</source>
            <translation>（乡镇本级）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="255" />
            <source>If not a registered household</source>
            <translation>不是已登记的户时填写</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="273" />
            <source>What was done (leave empty to finish later)</source>
            <translation>办了什么（以后再办结的先不填）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="287" />
            <source>Post publicly (masked)</source>
            <translation>公示（姓名电话打码）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="288" />
            <source>Do not post</source>
            <translation>不公示</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="302" />
            <source>Applicant household</source>
            <translation>申请人所在户</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="303" />
            <source>Applicant name</source>
            <translation>申请人姓名</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="304" />
            <source>Applicant phone</source>
            <translation>申请人电话</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="305" />
            <source>Matter *</source>
            <translation>申办事项 *</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="306" />
            <source>Received</source>
            <translation>受理日期</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="307" />
            <source>Channel</source>
            <translation>来源渠道</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="308" />
            <source>Kind *</source>
            <translation>事项类别 *</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="309" />
            <source>Service type</source>
            <translation>代办类型</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="310" />
            <source>Level</source>
            <translation>办理层级</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="311" />
            <source>Handling</source>
            <translation>办理方式</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="313" />
            <source>Result (done at once)</source>
            <translation>办理结果（即办）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="314" />
            <source>Deadline</source>
            <translation>办结时限</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="315" />
            <source>Responsible</source>
            <translation>责任人</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="316" />
            <source>Co-handlers</source>
            <translation>协办人</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="317" />
            <source>Public notice</source>
            <translation>公示</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="322" />
            <source>Why the registration is corrected</source>
            <translation>为什么更正登记内容</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="326" />
            <source>This matter is finished: its registration is locked. A correction needs a reason and is recorded in the progress notes.</source>
            <translation>此事项已办结，登记内容已锁定。更正须写明理由，并记入办理情况。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="332" />
            <source>Reason for correction *</source>
            <translation>更正理由 *</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="334" />
            <source>Needed when the handling type changes</source>
            <translation>改变办理方式时必须填写</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="335" />
            <source>Reason for correction</source>
            <translation>更正理由</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="390" />
            <source>Set at registration; cannot be changed here</source>
            <translation>登记时确定，这里不能修改</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="496" />
            <source>Add a cadre in Settings first.</source>
            <translation>请先在“设置”中添加干部。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="506" />
            <source>The applicant household is in {village}.</source>
            <translation>申请户属于{village}。</translation>
        </message>
    </context>
    <context>
        <name>MatterTableModel</name>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/model.py" line="48" />
            <source>No.</source>
            <translation>编号</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/model.py" line="49" />
            <source>Received</source>
            <translation>受理日期</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/model.py" line="50" />
            <source>Applicant</source>
            <translation>申请人</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/model.py" line="51" />
            <source>Matter</source>
            <translation>事项</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/model.py" line="52" />
            <source>Kind</source>
            <translation>类别</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/model.py" line="53" />
            <source>Responsible</source>
            <translation>责任人</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/model.py" line="54" />
            <source>Deadline</source>
            <translation>办结时限</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/model.py" line="55" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/model.py" line="56" />
            <source>Village</source>
            <translation>村</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/model.py" line="100" />
            <source>Overdue</source>
            <translation>逾期</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/model.py" line="102" />
            <source>Due within {n} days</source>
            <translation>{n} 天内到期</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/model.py" line="142" />
            <source>{status} (overdue)</source>
            <translation>{status}（逾期）</translation>
        </message>
    </context>
    <context>
        <name>MatterView</name>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="551" />
            <source>← Back to list</source>
            <translation>← 返回列表</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="561" />
            <source>Edit…</source>
            <translation>修改…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="562" />
            <source>Correct the registration details</source>
            <translation>更正登记信息</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="563" />
            <source>Print referral form…</source>
            <translation>打印办理申请…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="565" />
            <source>办理申请 for a matter forwarded to the township or county (Ctrl+P)</source>
            <translation>为已上报乡镇或县里的事项打印办理申请（Ctrl+P）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="567" />
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="881" />
            <source>Delete matter</source>
            <translation>删除事项</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="568" />
            <source>For a matter registered by mistake</source>
            <translation>用于误登记的事项</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="575" />
            <source>Next step</source>
            <translation>办理</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="594" />
            <source>No further steps: this matter is finished.</source>
            <translation>此事项已经办完，没有下一步。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="603" />
            <source>Applicant</source>
            <translation>申请人</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="604" />
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="605" />
            <source>Household</source>
            <translation>所在户</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="606" />
            <source>Received</source>
            <translation>受理日期</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="607" />
            <source>Channel</source>
            <translation>来源渠道</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="608" />
            <source>Kind</source>
            <translation>类别</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="609" />
            <source>Service type</source>
            <translation>代办类型</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="610" />
            <source>Level</source>
            <translation>办理层级</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="611" />
            <source>Handling</source>
            <translation>办理方式</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="612" />
            <source>Deadline</source>
            <translation>办结时限</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="613" />
            <source>Responsible</source>
            <translation>责任人</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="614" />
            <source>Co-handlers</source>
            <translation>协办人</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="615" />
            <source>Forwarded to</source>
            <translation>上报单位</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="616" />
            <source>Result</source>
            <translation>办理结果</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="617" />
            <source>Done on</source>
            <translation>办结日期</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="618" />
            <source>Return reasons</source>
            <translation>退回理由</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="619" />
            <source>Explanation</source>
            <translation>解释说明</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="620" />
            <source>Return visit</source>
            <translation>回访</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="621" />
            <source>Closed on</source>
            <translation>销号日期</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="622" />
            <source>Public notice</source>
            <translation>公示</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="640" />
            <source>Open household</source>
            <translation>打开此户</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="641" />
            <source>Matter</source>
            <translation>事项</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="661" />
            <source>Add a progress note (notes are never overwritten)</source>
            <translation>添加办理情况（已有记录不会被覆盖）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="663" />
            <source>Add note</source>
            <translation>添加</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="668" />
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="679" />
            <source>Progress notes</source>
            <translation>办理情况</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="684" />
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="834" />
            <source>Sign-off and photos</source>
            <translation>签收与照片</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="761" />
            <source>Matter {number}</source>
            <translation>事项 {number}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="765" />
            <source>{status} (overdue)</source>
            <translation>{status}（逾期）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="811" />
            <source>Yes</source>
            <translation>是</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="811" />
            <source>No</source>
            <translation>否</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="818" />
            <source>From the visit diary of {date} →</source>
            <translation>来自 {date} 的民情日记 →</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="854" />
            <source>Not possible while the matter is “{status}”</source>
            <translation>事项为“{status}”时不能办理此步</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="883" />
            <source>Delete matter {number} with its progress notes? Use this only for a matter registered by mistake. You can undo this right afterwards.</source>
            <translation>删除事项 {number} 及其办理记录吗？只应删除误登记的事项。删除后可以立即撤销。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/matter.py" line="680" />
            <source>Change history</source>
            <translation>修改记录</translation>
        </message>
    </context>
    <context>
        <name>MeetingDialog</name>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/dialogs.py" line="89" />
            <source>Edit meeting</source>
            <translation>修改会议记录</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/dialogs.py" line="89" />
            <source>New meeting</source>
            <translation>新增会议记录</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/dialogs.py" line="95" />
            <source>Kind</source>
            <translation>会议类型</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/dialogs.py" line="111" />
            <source>Date</source>
            <translation>会议日期</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/dialogs.py" line="113" />
            <source>Place</source>
            <translation>会议地点</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/dialogs.py" line="119" />
            <source>Host</source>
            <translation>主持人</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/dialogs.py" line="318" />
            <source>Whole village</source>
            <translation>全村</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/dialogs.py" line="122" />
            <source>Group</source>
            <translation>村民小组</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/dialogs.py" line="101" />
            <source>Village</source>
            <translation>所在村</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/dialogs.py" line="102" />
            <source>Choose the village…</source>
            <translation>请选择村…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/dialogs.py" line="107" />
            <source>Village *</source>
            <translation>所在村 *</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/dialogs.py" line="127" />
            <source>People present</source>
            <translation>参会人数</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/dialogs.py" line="130" />
            <source>Add a villager who came: type a name</source>
            <translation>添加参会村民：输入姓名或拼音首字母</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/dialogs.py" line="133" />
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/dialogs.py" line="142" />
            <source>Villagers who came</source>
            <translation>参会村民</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/dialogs.py" line="143" />
            <source>Topics</source>
            <translation>会议议题</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/dialogs.py" line="144" />
            <source>What was said</source>
            <translation>会议情况</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/dialogs.py" line="145" />
            <source>Decisions</source>
            <translation>会议决定</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/dialogs.py" line="152" />
            <source>What was raised</source>
            <translation>群众反映的问题</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/dialogs.py" line="154" />
            <source>Solved on the spot</source>
            <translation>当场解决</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/dialogs.py" line="155" />
            <source>Into the ledger</source>
            <translation>转入台账</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/dialogs.py" line="157" />
            <location filename="../../village_desk/ui/pages/meetings/dialogs.py" line="175" />
            <source>How it was solved</source>
            <translation>解决情况</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/dialogs.py" line="163" />
            <source>Add point</source>
            <translation>添加这一项</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/dialogs.py" line="164" />
            <source>Remove point</source>
            <translation>删除这一项</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/dialogs.py" line="166" />
            <source>Only points not saved yet can be removed here.</source>
            <translation>这里只能删除尚未保存的问题。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/dialogs.py" line="172" />
            <source>Raised</source>
            <translation>反映的问题</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/dialogs.py" line="173" />
            <source>Raised by</source>
            <translation>反映人</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/dialogs.py" line="174" />
            <source>Handled</source>
            <translation>处理方式</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/dialogs.py" line="176" />
            <source>Matter category</source>
            <translation>事项类别</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/dialogs.py" line="181" />
            <source>Points raised</source>
            <translation>群众反映的问题</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/dialogs.py" line="183" />
            <source>A point put into the ledger becomes a matter for the host to handle first.</source>
            <translation>转入台账的问题登记为民情事项，由主持人首接负责。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/dialogs.py" line="264" />
            <source>(the meeting)</source>
            <translation>（会议集体）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/dialogs.py" line="284" />
            <source>Type what was raised first.</source>
            <translation>请先填写反映的问题。</translation>
        </message>
    </context>
    <context>
        <name>MeetingsPage</name>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="68" />
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="81" />
            <source>Year</source>
            <translation>年度</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="71" />
            <source>{year}</source>
            <translation>{year}年</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="73" />
            <source>New meeting…</source>
            <translation>新增会议记录…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="74" />
            <source>Record a meeting (Ctrl+N)</source>
            <translation>登记会议记录（Ctrl+N）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="75" />
            <source>Frequencies…</source>
            <translation>会议频次…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="77" />
            <source>Meetings</source>
            <translation>会议记录</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="88" />
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="101" />
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="116" />
            <source>Kind</source>
            <translation>会议类型</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="89" />
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="102" />
            <source>How often</source>
            <translation>频次要求</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="90" />
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="103" />
            <source>Last held</source>
            <translation>最近一次</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="91" />
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="104" />
            <source>Next due</source>
            <translation>下次应开</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="92" />
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="105" />
            <source>State</source>
            <translation>情况</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="95" />
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="153" />
            <source>When each kind is due</source>
            <translation>各类会议召开情况</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="100" />
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="123" />
            <source>Village</source>
            <translation>所属村</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="108" />
            <source>Overdue meetings by village</source>
            <translation>各村逾期会议</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="115" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="117" />
            <source>Place</source>
            <translation>地点</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="118" />
            <source>Host</source>
            <translation>主持人</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="119" />
            <source>People present</source>
            <translation>参会人数</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="120" />
            <source>Solved on the spot</source>
            <translation>当场解决</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="121" />
            <source>Into the ledger</source>
            <translation>转入台账</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="122" />
            <source>Topics</source>
            <translation>会议议题</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="127" />
            <source>Meeting list</source>
            <translation>会议列表</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="128" />
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="303" />
            <source>Choose a meeting to see what was raised.</source>
            <translation>选中一次会议，查看群众反映的问题。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="131" />
            <source>Edit…</source>
            <translation>修改…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="132" />
            <source>Print minutes…</source>
            <translation>打印会议记录…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="133" />
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="192" />
            <source>Choose a village to set how often its meetings are held</source>
            <translation>请先选一个村，再设置它的会议频次</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="202" />
            <source>{village}: its own meetings against its own frequencies.</source>
            <translation>{village}：按本村自己的会议和召开频次计算。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="239" />
            <source>No fixed rhythm</source>
            <translation>不定期</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="241" />
            <source>Never held</source>
            <translation>从未召开</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="243" />
            <source>Overdue by {days} days</source>
            <translation>已逾期 {days} 天</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="245" />
            <source>In time</source>
            <translation>按时</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="248" />
            <source>every {n} months</source>
            <translation>每 {n} 个月</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="264" />
            <source>No villages yet: their meetings come with their files.</source>
            <translation>还没有村：各村的会议随其数据文件汇入。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="267" />
            <source>All villages: each village counted on its own meetings. Every village holds each kind in time.</source>
            <translation>全部村：各村按本村自己的会议分别计算。各村各类会议都按时召开。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="272" />
            <source>All villages: each village counted on its own meetings; only the overdue kinds are listed ({n} of {total} villages behind). Choose a village to see all its kinds.</source>
            <translation>全部村：各村按本村自己的会议分别计算，只列出逾期的会议（{total} 个村中 {n} 个村有逾期）。选一个村可看它的各类会议。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="307" />
            <source>hosted by {host}, {n} present</source>
            <translation>主持人{host}，参会{n}人</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="311" />
            <source>Villagers who came: {names}</source>
            <translation>参会村民：{names}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="318" />
            <source>solved on the spot: {how}</source>
            <translation>当场解决：{how}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="320" />
            <source>into the ledger as {number}</source>
            <translation>转入台账，编号 {number}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="323" />
            <source>Decisions: {text}</source>
            <translation>会议决定：{text}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="348" />
            <source>Delete meeting</source>
            <translation>删除会议记录</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="350" />
            <source>Delete the {kind} of {date}? Matters made from its points stay in the ledger.</source>
            <translation>删除 {date} 的{kind}记录？由会上问题登记的民情事项仍保留在台账中。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/meetings/page.py" line="372" />
            <source>Minutes {date}</source>
            <translation>会议记录 {date}</translation>
        </message>
    </context>
    <context>
        <name>MonthEndView</name>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/page.py" line="69" />
            <source>← Back to list</source>
            <translation>← 返回列表</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/page.py" line="70" />
            <source>Month-end review</source>
            <translation>月底销号</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/page.py" line="79" />
            <source>Close (销号) matters visited back with satisfaction, visit back finished ones, and add a progress note to every open matter without one this month.</source>
            <translation>回访满意的事项销号，已办结的事项回访，本月还没有办理情况的未办结事项逐件写明进展。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/page.py" line="87" />
            <source>Matter</source>
            <translation>事项</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/page.py" line="87" />
            <source>Applicant</source>
            <translation>申请人</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/page.py" line="87" />
            <source>Deadline</source>
            <translation>办结时限</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/page.py" line="87" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/page.py" line="92" />
            <source>Close (销号)</source>
            <translation>销号</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/page.py" line="93" />
            <source>Return visit…</source>
            <translation>回访…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/page.py" line="94" />
            <source>Add progress note…</source>
            <translation>添加办理情况…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/page.py" line="95" />
            <source>Open matter</source>
            <translation>打开事项</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/page.py" line="96" />
            <source>Print month-end ledger…</source>
            <translation>打印月底台账…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/page.py" line="146" />
            <source>Can be closed ({n})</source>
            <translation>可以销号（{n}）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/page.py" line="149" />
            <source>Done, awaiting return visit ({n})</source>
            <translation>已办结，待回访（{n}）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/page.py" line="154" />
            <source>Open, no progress note this month ({n})</source>
            <translation>未办结、本月没有办理情况（{n}）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/page.py" line="157" />
            <source>Overdue ({n})</source>
            <translation>逾期（{n}）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/page.py" line="224" />
            <source>Progress note</source>
            <translation>办理情况</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/page.py" line="224" />
            <source>Progress of {number}:</source>
            <translation>{number} 的办理进展：</translation>
        </message>
    </context>
    <context>
        <name>OperatorDialog</name>
        <message>
            <location filename="../../village_desk/ui/operator.py" line="48" />
            <source>Who is working?</source>
            <translation>谁在使用？</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/operator.py" line="50" />
            <source>Choose your name. What you enter is recorded under it.</source>
            <translation>请选择您的名字。您录入的内容会记在您的名下。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/operator.py" line="53" />
            <source>Current operator</source>
            <translation>当前操作人</translation>
        </message>
    </context>
    <context>
        <name>Ops</name>
        <message>
            <location filename="../../village_desk/ui/ops.py" line="211" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/ops.py" line="313" />
            <source>Could not save</source>
            <translation>未能保存</translation>
        </message>
    </context>
    <context>
        <name>OutcomeDialog</name>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/dialogs.py" line="369" />
            <source>Outcome: {number}</source>
            <translation>调解结果：{number}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/dialogs.py" line="378" />
            <source>Outcome</source>
            <translation>调解结果</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/dialogs.py" line="379" />
            <source>Date</source>
            <translation>结果日期</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/dialogs.py" line="381" />
            <source>Agreement</source>
            <translation>调解协议内容</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/dialogs.py" line="384" />
            <source>What the parties agreed, item by item (printed on the agreement)</source>
            <translation>双方协商一致的内容，逐条写明（印在调解协议书上）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/dialogs.py" line="386" />
            <source>Explanation</source>
            <translation>情况说明</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/dialogs.py" line="389" />
            <source>Settled: the matter in the ledger is done, the agreement its result. Referred: it is forwarded to that office. Not settled: it cannot be solved yet, and the explanation says what the parties were told.</source>
            <translation>调解成功：台账事项办结，协议内容即办理结果。转司法所、转信访：事项上报到该部门。未成功：事项暂不能解决，情况说明写明向当事人作的解释。</translation>
        </message>
    </context>
    <context>
        <name>OverdueDaysDialog</name>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/dialogs.py" line="418" />
            <source>Long unresolved disputes</source>
            <translation>久调不决</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/dialogs.py" line="421" />
            <source> days</source>
            <translation> 天</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/dialogs.py" line="424" />
            <source>Long unresolved after</source>
            <translation>久调不决天数</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/dialogs.py" line="428" />
            <source>A dispute still without an outcome this many days after it was received is flagged as long unresolved, here and on the work bench. New disputes get this many days as their deadline in the ledger.</source>
            <translation>受理后超过这么多天仍没有调解结果的纠纷，在本页和工作台标为久调不决。新登记纠纷在台账中的办结时限也按这个天数。</translation>
        </message>
    </context>
    <context>
        <name>PairingDialog</name>
        <message>
            <location filename="../../village_desk/ui/pages/households/forms.py" line="530" />
            <source>Pair a cadre</source>
            <translation>结对干部</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/forms.py" line="548" />
            <source>Cadre</source>
            <translation>干部</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/forms.py" line="550" />
            <source>Kind</source>
            <translation>类别</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/forms.py" line="551" />
            <source>Start date</source>
            <translation>开始日期</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/forms.py" line="552" />
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/forms.py" line="566" />
            <source>Add a cadre in Settings first.</source>
            <translation>请先在“设置”中添加干部。</translation>
        </message>
    </context>
    <context>
        <name>PassphraseDialog</name>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="62" />
            <source>Exchange passphrase</source>
            <translation>交换口令</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="65" />
            <source>Exchange files are encrypted with the passphrase the township set for all its villages. Ask the township office if you do not have it.</source>
            <translation>交换文件用乡镇为各村统一设定的口令加密。如果不知道口令，请向乡镇办公室询问。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="72" />
            <source>Remember it on this computer (only for this user)</source>
            <translation>在本机记住口令（仅本用户可读）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/packages.py" line="78" />
            <source>Passphrase</source>
            <translation>口令</translation>
        </message>
    </context>
    <context>
        <name>PeriodChooser</name>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/ledger_export.py" line="85" />
            <source>Month</source>
            <translation>按月</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/ledger_export.py" line="85" />
            <source>Quarter</source>
            <translation>按季度</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/ledger_export.py" line="85" />
            <source>Year</source>
            <translation>按年</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/ledger_export.py" line="85" />
            <source>Custom range</source>
            <translation>自定义期间</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/ledger_export.py" line="87" />
            <source>Kind of period</source>
            <translation>期间类型</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/ledger_export.py" line="91" />
            <source> (year)</source>
            <translation> 年</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/ledger_export.py" line="94" />
            <source>{n} (month)</source>
            <translation>{n}月</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/ledger_export.py" line="98" />
            <source>Q1</source>
            <translation>第一季度</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/ledger_export.py" line="98" />
            <source>Q2</source>
            <translation>第二季度</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/ledger_export.py" line="98" />
            <source>Q3</source>
            <translation>第三季度</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/ledger_export.py" line="98" />
            <source>Q4</source>
            <translation>第四季度</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/ledger_export.py" line="104" />
            <source>to</source>
            <translation>至</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/ledger_export.py" line="167" />
            <source>{label}: {start} to {end}</source>
            <translation>{label}：{start} 至 {end}</translation>
        </message>
    </context>
    <context>
        <name>PersonDialog</name>
        <message>
            <location filename="../../village_desk/ui/pages/households/forms.py" line="303" />
            <source>Edit member</source>
            <translation>修改家庭成员</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/forms.py" line="303" />
            <source>Add member</source>
            <translation>添加家庭成员</translation>
        </message>
    </context>
    <context>
        <name>PersonForm</name>
        <message>
            <location filename="../../village_desk/ui/pages/households/forms.py" line="103" />
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/forms.py" line="113" />
            <source>(unknown)</source>
            <translation>（未知）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/forms.py" line="117" />
            <location filename="../../village_desk/ui/pages/households/forms.py" line="164" />
            <source>ID number</source>
            <translation>公民身份号码</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/forms.py" line="118" />
            <source>18 digits (last may be X); may be left empty</source>
            <translation>18位，最后一位可以是X；可以不填</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/forms.py" line="126" />
            <source>Known</source>
            <translation>已知</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/forms.py" line="135" />
            <location filename="../../village_desk/ui/pages/households/forms.py" line="176" />
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/forms.py" line="139" />
            <source>Party member</source>
            <translation>党员</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/forms.py" line="156" />
            <source>Name *</source>
            <translation>姓名 *</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/forms.py" line="157" />
            <source>Relation to head</source>
            <translation>与户主关系</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/forms.py" line="168" />
            <source>Gender</source>
            <translation>性别</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/forms.py" line="175" />
            <source>Birth date</source>
            <translation>出生日期</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/forms.py" line="177" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/forms.py" line="179" />
            <source>Tags</source>
            <translation>标签</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/forms.py" line="180" />
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/households/forms.py" line="221" />
            <source>Born {date}, {gender}</source>
            <translation>出生于 {date}，{gender}</translation>
        </message>
    </context>
    <context>
        <name>PrintPreview</name>
        <message>
            <location filename="../../village_desk/ui/printing/preview.py" line="175" />
            <source>The printer could not be started.</source>
            <translation>无法启动打印机。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/preview.py" line="203" />
            <source>Print</source>
            <translation>打印</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/preview.py" line="218" />
            <source>Save as PDF</source>
            <translation>另存为 PDF</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/preview.py" line="220" />
            <source>PDF files (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/preview.py" line="563" />
            <source>Preparing “{title}”…</source>
            <translation>正在生成“{title}”…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/preview.py" line="599" />
            <source>Could not prepare the printout</source>
            <translation>无法生成打印内容</translation>
        </message>
    </context>
    <context>
        <name>PrintPreviewDialog</name>
        <message>
            <location filename="../../village_desk/ui/printing/preview.py" line="274" />
            <source>Print preview — {title}</source>
            <translation>打印预览 — {title}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/preview.py" line="290" />
            <source>◀ Previous page</source>
            <translation>◀ 上一页</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/preview.py" line="292" />
            <source>Next page ▶</source>
            <translation>下一页 ▶</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/preview.py" line="295" />
            <source>Page</source>
            <translation>页码</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/preview.py" line="297" />
            <source>Page </source>
            <translation>第 </translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/preview.py" line="298" />
            <source>of {n}</source>
            <translation>页，共 {n} 页</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/preview.py" line="299" />
            <source>Zoom out</source>
            <translation>缩小</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/preview.py" line="301" />
            <source>Zoom in</source>
            <translation>放大</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/preview.py" line="303" />
            <source>Fit width</source>
            <translation>适合宽度</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/preview.py" line="304" />
            <source>Whole page</source>
            <translation>整页</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/preview.py" line="322" />
            <source>Print…</source>
            <translation>打印…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/preview.py" line="323" />
            <source>Print (Ctrl+P)</source>
            <translation>打印（Ctrl+P）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/preview.py" line="326" />
            <source>Save as PDF…</source>
            <translation>另存为 PDF…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/preview.py" line="327" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/preview.py" line="343" />
            <source>The printout could not be shown.</source>
            <translation>无法显示打印内容。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/preview.py" line="185" />
            <source>Page {done} of {total}</source>
            <translation>第 {done} 页，共 {total} 页</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/preview.py" line="446" />
            <source>Printing…</source>
            <translation>正在打印…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/preview.py" line="463" />
            <source>{n} pages sent to the printer.</source>
            <translation>已送往打印机 {n} 页。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/preview.py" line="451" />
            <source>Printing was cancelled.</source>
            <translation>已取消打印。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/preview.py" line="469" />
            <source>Printing failed</source>
            <translation>打印失败</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/preview.py" line="486" />
            <source>Could not save</source>
            <translation>无法保存</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/preview.py" line="488" />
            <source>Saved to {path}</source>
            <translation>已保存到 {path}</translation>
        </message>
    </context>
    <context>
        <name>Printing</name>
        <message>
            <location filename="../../village_desk/ui/printing/dialogs.py" line="103" />
            <source>Contact cards</source>
            <translation>联系卡</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/dialogs.py" line="115" />
            <source>Public notice {year}-{month}</source>
            <translation>公示 {year}-{month}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/dialogs.py" line="131" />
            <source>Month-end ledger {year}-{month}</source>
            <translation>月底台账 {year}-{month}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/dialogs.py" line="153" />
            <source>Visit diary of {name} {start} to {end}</source>
            <translation>民情日记 {name} {start} 至 {end}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/dialogs.py" line="169" />
            <source>Referral {number}</source>
            <translation>办理申请 {number}</translation>
        </message>
    </context>
    <context>
        <name>ProgressDialog</name>
        <message>
            <location filename="../../village_desk/ui/pages/commitments/dialogs.py" line="217" />
            <source>Progress: {name}</source>
            <translation>记进展：{name}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/commitments/dialogs.py" line="220" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/commitments/dialogs.py" line="221" />
            <source>Progress</source>
            <translation>践诺进展</translation>
        </message>
    </context>
    <context>
        <name>QuickSearchEdit</name>
        <message>
            <location filename="../../village_desk/ui/widgets/quick_search.py" line="95" />
            <source>Find: name, pinyin initials, phone, ID…</source>
            <translation>查找：姓名、拼音首字母、电话、身份证号……</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/quick_search.py" line="96" />
            <source>Quick search (Ctrl+F)</source>
            <translation>快速查找（Ctrl+F）</translation>
        </message>
    </context>
    <context>
        <name>RaisedItemRow</name>
        <message>
            <location filename="../../village_desk/ui/pages/diary/editor.py" line="111" />
            <source>What was raised</source>
            <translation>群众反映的问题</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/editor.py" line="112" />
            <source>Raised item</source>
            <translation>反映的问题</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/editor.py" line="114" />
            <source>Solved on the spot</source>
            <translation>当场解决</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/editor.py" line="115" />
            <source>Turn into a ledger matter</source>
            <translation>转入台账</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/editor.py" line="117" />
            <source>How it was solved</source>
            <translation>怎样解决的</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/editor.py" line="119" />
            <source>Kind of matter</source>
            <translation>事项类别</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/editor.py" line="120" />
            <source>Required for a ledger matter</source>
            <translation>转入台账时必须选择</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/editor.py" line="149" />
            <source>Choose the kind *</source>
            <translation>请选择类别 *</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/diary/editor.py" line="124" />
            <source>Remove</source>
            <translation>移除</translation>
        </message>
    </context>
    <context>
        <name>ReferralDialog</name>
        <message>
            <location filename="../../village_desk/ui/printing/dialogs.py" line="431" />
            <source>Print referral form for {number}</source>
            <translation>打印办理申请：{number}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/dialogs.py" line="437" />
            <source>What the township or county is asked to do (may be left empty and written by hand)</source>
            <translation>请乡镇或县里解决的事项（可留空，打印后手写）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/dialogs.py" line="443" />
            <source>Preview…</source>
            <translation>预览…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/printing/dialogs.py" line="447" />
            <source>Requested of the higher level</source>
            <translation>提请上级解决事项</translation>
        </message>
    </context>
    <context>
        <name>ReviewDialog</name>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/review.py" line="152" />
            <source>Conflicts and checks</source>
            <extracomment>the tables whose changes can add or settle a conflict or a broken rule record kinds that 打开记录 can show (others are settled here or in 设置) broken rules that two registrations of one family leave, settled by merging</extracomment>
            <translation>冲突与待核对</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/review.py" line="160" />
            <source>After data from another computer was merged: where both computers changed the same thing, the newer value is used and the other one is kept here for you to decide. Below, the village rules the records break now (fix them in the records).</source>
            <translation>合并了其他电脑的数据之后：两台电脑改了同一处时，先采用较新的值，另一个值保留在这里，由您决定。下方列出记录现在不符合的村里规则（请到记录中改正）。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/review.py" line="174" />
            <source>Merge them…</source>
            <translation>合并这些改动…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/review.py" line="176" />
            <source>Only once the other computer's clock is right and the changes are wanted</source>
            <translation>请先确认对方电脑的时钟已改正、这些改动确实需要</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/review.py" line="191" />
            <source>Record</source>
            <translation>记录</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/review.py" line="192" />
            <source>Content</source>
            <translation>内容</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/review.py" line="193" />
            <source>Value now</source>
            <translation>现在的值</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/review.py" line="194" />
            <source>Value not used</source>
            <translation>未采用的值</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/review.py" line="195" />
            <source>From</source>
            <translation>来自</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/review.py" line="208" />
            <source>No conflicts</source>
            <translation>没有冲突</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/review.py" line="213" />
            <source>Keep the value now</source>
            <translation>保留现在的值</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/review.py" line="215" />
            <source>The record stays as it is; the other value is dropped</source>
            <translation>记录保持不变，不采用另一个值</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/review.py" line="218" />
            <location filename="../../village_desk/ui/pages/dashboard/review.py" line="481" />
            <source>Use the other value</source>
            <translation>改用另一值</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/review.py" line="219" />
            <source>Write the other value to the record, like an edit</source>
            <translation>把另一个值写入记录，和一次修改一样保存</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/review.py" line="221" />
            <source>Corrected in the record</source>
            <translation>已在记录中改好</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/review.py" line="223" />
            <source>You corrected the record in its own form: keep what it has now</source>
            <translation>您已在该记录的编辑窗口中改正：保留记录现在的内容</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/review.py" line="226" />
            <location filename="../../village_desk/ui/pages/dashboard/review.py" line="261" />
            <source>Open record</source>
            <translation>打开记录</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/review.py" line="227" />
            <location filename="../../village_desk/ui/pages/dashboard/review.py" line="262" />
            <source>Show the household or matter to correct it</source>
            <translation>打开这户或这件事项，以便改正</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/review.py" line="248" />
            <source>Problem</source>
            <translation>问题</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/review.py" line="248" />
            <source>Details</source>
            <translation>详情</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/review.py" line="257" />
            <source>No problems found</source>
            <translation>没有发现问题</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/review.py" line="264" />
            <source>Merge into one household…</source>
            <translation>合并为一户…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/review.py" line="266" />
            <source>The same family registered twice: keep one household, move the rest to it</source>
            <translation>同一户被登记了两次：保留其中一户，另一户的内容并入</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/review.py" line="269" />
            <source>Change 户号…</source>
            <translation>改户号…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/review.py" line="271" />
            <source>Two households with one 户号: give this one another</source>
            <translation>两户用了同一个户号：给这一户换一个户号</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/review.py" line="336" />
            <source>{n} changes from another computer carry a time more than a day ahead of this computer's clock (up to {latest}): its clock is probably wrong. They are held, not merged, because they would win over every edit made here until then.</source>
            <translation>另一台电脑的 {n} 条改动的时间比本机时钟超前一天以上（最远到 {latest}），对方电脑的时钟可能不准。这些改动已暂存、没有合并，因为合并后它们会胜过本机在那之前的所有修改。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/review.py" line="350" />
            <source>{name} (this computer)</source>
            <translation>{name}（本机）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/review.py" line="352" />
            <source>another computer</source>
            <translation>另一台电脑</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/review.py" line="364" />
            <source>Conflicts ({n})</source>
            <translation>冲突（{n}）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/review.py" line="366" />
            <source>Conflicts</source>
            <translation>冲突</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/review.py" line="393" />
            <source>Problems found by the checks ({n})</source>
            <translation>检查发现的问题（{n}）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/review.py" line="395" />
            <source>Problems found by the checks</source>
            <translation>检查发现的问题</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/review.py" line="406" />
            <source>Merge the held changes</source>
            <translation>合并暂存的改动</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/review.py" line="408" />
            <source>Merge {n} held changes? They will count as newer than every edit made on this computer before {latest}. Do this only after the other computer's clock was corrected and its user confirmed the changes.</source>
            <translation>合并 {n} 条暂存的改动吗？它们将被视为比本机在 {latest} 之前的所有修改都新。请在对方电脑的时钟改正、对方确认这些改动后再合并。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/review.py" line="470" />
            <source>Could not settle the conflict</source>
            <translation>无法处理这条冲突</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/review.py" line="483" />
            <source>Change {what}, {field}, from “{current}” to “{other}”? It is saved like any other edit.</source>
            <translation>把{what}的{field}从“{current}”改为“{other}”吗？这会和其他修改一样保存。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/review.py" line="501" />
            <location filename="../../village_desk/ui/pages/dashboard/review.py" line="528" />
            <source>Merge into one household</source>
            <translation>合并为一户</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/review.py" line="504" />
            <source>Which household stays? The other one's members, visits, matters and pairings move to it (a member in both is kept once) and the other household is deleted.

1. {first}
2. {second}</source>
            <translation>保留哪一户？另一户的成员、走访、事项和结对都并入保留的这一户（两边都有的成员只保留一个），另一户删除。

1. {first}
2. {second}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/review.py" line="509" />
            <source>Keep 1</source>
            <translation>保留 1</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/review.py" line="510" />
            <source>Keep 2</source>
            <translation>保留 2</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/review.py" line="530" />
            <source>This can be done for two households at a time; open the records to correct them.</source>
            <translation>一次只能合并两户；请打开记录逐一改正。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/review.py" line="543" />
            <source>Could not merge the households</source>
            <translation>无法合并这两户</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/review.py" line="557" />
            <source>Change 户号</source>
            <translation>改户号</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/review.py" line="559" />
            <source>New 户号 for {household}:</source>
            <translation>{household} 的新户号：</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/review.py" line="584" />
            <source>Could not change the 户号</source>
            <translation>无法修改户号</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/commitments/dialogs.py" line="234" />
            <source>Review: {name}</source>
            <translation>年终评定：{name}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/commitments/dialogs.py" line="243" />
            <source>Outcome</source>
            <translation>评定结果</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/commitments/dialogs.py" line="244" />
            <source>Explanation</source>
            <translation>评定说明</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/commitments/dialogs.py" line="247" />
            <source>Reviewed on</source>
            <translation>评定日期</translation>
        </message>
    </context>
    <context>
        <name>RosterImportDialog</name>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="86" />
            <source>New</source>
            <translation>新增</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="87" />
            <source>Update</source>
            <translation>更新</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="88" />
            <source>Unchanged</source>
            <translation>不变</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="89" />
            <source>Not imported</source>
            <translation>未导入</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="90" />
            <source>Skipped</source>
            <translation>跳过</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="92" />
            <source>Import a household roster</source>
            <translation>导入花名册</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="100" />
            <source>Back</source>
            <translation>上一步</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="101" />
            <source>Check (dry run)</source>
            <translation>检查（不写入）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="102" />
            <source>Save rows not imported…</source>
            <translation>保存未导入的行…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="103" />
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="357" />
            <source>Import</source>
            <translation>导入</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="104" />
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="614" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="129" />
            <source>Choose the roster file (.xlsx, .xls or .ods). Title rows above the header, several sheets, blank and subtotal rows are fine. People already registered are matched by ID number; nothing is written until you press Import.</source>
            <translation>选择花名册文件（.xlsx、.xls 或 .ods）。表头上方有标题行、有多个工作表、有空行和合计行都没关系。已登记的人按身份证号对应；按“导入”之前不会写入任何数据。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="137" />
            <source>No file chosen</source>
            <translation>尚未选择文件</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="138" />
            <source>Choose file…</source>
            <translation>选择文件…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="141" />
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="147" />
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="156" />
            <source>Village</source>
            <translation>村</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="150" />
            <source>Choose the roster's village…</source>
            <translation>选择花名册所属的村…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="166" />
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="358" />
            <source>Sheet</source>
            <translation>工作表</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="171" />
            <source>Columns found in the file and what they are imported as. Correct a wrong one with its list; the correction is remembered for the next roster.</source>
            <translation>文件中的各列及其对应的内容。对应错了请在右侧下拉框中改正；改正会记住，下次导入花名册时自动使用。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="180" />
            <source>Column in the file</source>
            <translation>文件中的列名</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="181" />
            <source>Where</source>
            <translation>位置</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="182" />
            <source>Example</source>
            <translation>示例</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="183" />
            <source>Import as</source>
            <translation>导入为</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="195" />
            <source>1. File and columns</source>
            <translation>1. 文件和列</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="208" />
            <source>Choose a household roster</source>
            <translation>选择花名册</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="210" />
            <source>Spreadsheets (*.xlsx *.xls *.ods);;All files (*)</source>
            <translation>表格文件 (*.xlsx *.xls *.ods);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="238" />
            <source>Reading {name}…</source>
            <translation>正在读取 {name}…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="249" />
            <source>All sheets ({n} with a roster)</source>
            <translation>所有工作表（{n} 张有花名册）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="254" />
            <source>{sheet} (no roster header found)</source>
            <translation>{sheet}（未找到花名册表头）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="260" />
            <source>{sheet} ({n} rows)</source>
            <translation>{sheet}（{n} 行）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="285" />
            <source>(not imported)</source>
            <translation>（不导入）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="317" />
            <source>One column must be imported as 姓名 (name).</source>
            <translation>必须有一列导入为“姓名”。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="322" />
            <source>Several columns are imported as {fields}; only the first is used.</source>
            <translation>有几列都导入为{fields}，只用第一列。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="336" />
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="473" />
            <source>2. Check before importing</source>
            <translation>2. 导入前检查</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="344" />
            <source>All rows</source>
            <translation>全部行</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="352" />
            <source>Show</source>
            <translation>显示</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="359" />
            <source>Row</source>
            <translation>行号</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="360" />
            <source>Household no.</source>
            <translation>户号</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="361" />
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="362" />
            <source>Result</source>
            <translation>结果</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="363" />
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="434" />
            <source>Choose the village the roster is of.</source>
            <translation>请选择花名册所属的村。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="450" />
            <source>Checking {name}…</source>
            <translation>正在检查 {name}…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="459" />
            <source>Imported:</source>
            <translation>导入完成：</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="459" />
            <source>Dry run (nothing written yet):</source>
            <translation>检查结果（尚未写入）：</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="462" />
            <source>Sheet “{sheet}” not imported: {why}</source>
            <translation>工作表“{sheet}”未导入：{why}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="473" />
            <source>3. Result</source>
            <translation>3. 导入结果</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="486" />
            <source>The import is done. Rows not imported can be saved, corrected and imported again.</source>
            <translation>导入完成。未导入的行可以保存下来，改正后再导入。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="491" />
            <source>{n} rows will be imported. Untick a row to leave it out; leaving out the head of a new household leaves out its members too.</source>
            <translation>将导入 {n} 行。取消勾选的行不导入；新户的户主不导入时，该户成员也不导入。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="495" />
            <source>({n} left out)</source>
            <translation>（已取消 {n} 行）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="539" />
            <source>Importing {name}…</source>
            <translation>正在导入 {name}…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="544" />
            <source>Save rows not imported</source>
            <translation>保存未导入的行</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="544" />
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="553" />
            <source>{name}-not imported.xlsx</source>
            <translation>{name}-未导入的行.xlsx</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="570" />
            <source>{n} rows not imported were saved to {path}.</source>
            <translation>{n} 行未导入的行已保存到：{path}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="574" />
            <source>Saving rows not imported…</source>
            <translation>正在保存未导入的行…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="614" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/exchange/roster_import.py" line="534" />
            <source>Import cancelled; nothing was written.</source>
            <translation>已取消导入，没有写入任何内容。</translation>
        </message>
    </context>
    <context>
        <name>SearchHitModel</name>
        <message>
            <location filename="../../village_desk/ui/widgets/quick_search.py" line="73" />
            <source>{name} ({relation})</source>
            <translation>{name}（{relation}）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/quick_search.py" line="76" />
            <source>No. {number}</source>
            <translation>户号 {number}</translation>
        </message>
    </context>
    <context>
        <name>SecurityTab</name>
        <message>
            <location filename="../../village_desk/ui/pages/settings/security_tab.py" line="61" />
            <source>Remove password</source>
            <translation>取消密码</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/security_tab.py" line="64" />
            <source>Start-up password</source>
            <translation>启动密码</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/security_tab.py" line="66" />
            <source>Current password</source>
            <translation>当前密码</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/security_tab.py" line="69" />
            <source>New password</source>
            <translation>新密码</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/security_tab.py" line="70" />
            <source>New password again</source>
            <translation>再次输入新密码</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/security_tab.py" line="78" />
            <source>At least {n} characters. Asked for when the program starts and when it was locked. Only a fingerprint of it is kept: a forgotten password cannot be shown, only removed (“village-desk lock reset” on this computer).</source>
            <translation>至少 {n} 个字符。打开程序和锁定后需要输入。程序只保存密码的指纹：忘记的密码无法显示，只能解除（在这台电脑上运行“village-desk lock reset”）。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/security_tab.py" line="91" />
            <source> min</source>
            <translation> 分钟</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/security_tab.py" line="92" />
            <source>Off</source>
            <translation>不自动锁定</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/security_tab.py" line="93" />
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/security_tab.py" line="95" />
            <source>Lock automatically</source>
            <translation>自动锁定</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/security_tab.py" line="99" />
            <source>After minutes without use</source>
            <translation>无操作多少分钟后</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/security_tab.py" line="105" />
            <source>0 = never. Locking covers the window; what is being typed stays, and saves already under way finish. Lock at once with Ctrl+L.</source>
            <translation>0 表示不自动锁定。锁定时窗口被遮住；正在填写的内容保留，正在进行的保存会完成。按 Ctrl+L 立即锁定。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/security_tab.py" line="116" />
            <source>Save inspector password</source>
            <translation>保存检查人员密码</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/security_tab.py" line="117" />
            <source>Remove inspector password</source>
            <translation>取消检查人员密码</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/security_tab.py" line="121" />
            <source>Inspector (read-only)</source>
            <translation>检查人员（只读）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/security_tab.py" line="125" />
            <source>For a township inspector spot-checking diaries on this computer: this password opens the program read-only — records can be looked at, nothing can be changed, ID numbers and phones stay masked. Needs the current start-up password above.</source>
            <translation>供乡镇检查人员在这台电脑上抽查民情日记：用这个密码打开程序为只读——可以查看记录，不能修改，身份证号和电话只显示部分。需要在上面输入当前启动密码。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/security_tab.py" line="134" />
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/security_tab.py" line="136" />
            <source>Inspector password</source>
            <translation>检查人员密码</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/security_tab.py" line="137" />
            <source>Inspector password again</source>
            <translation>再次输入检查人员密码</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/security_tab.py" line="148" />
            <source>The password keeps people who use this computer from opening the village's data in this program. It is not disk encryption: whoever has the disk can copy the database file and read it with other tools, unless the operating system encrypts the disk (BitLocker, LUKS).</source>
            <translation>启动密码防止使用这台电脑的人用本程序打开村里的数据。它不是磁盘加密：拿到硬盘的人可以复制数据库文件，用其他工具读取，除非操作系统对磁盘加密（BitLocker、LUKS）。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/security_tab.py" line="186" />
            <source>A start-up password is set.</source>
            <translation>已设置启动密码。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/security_tab.py" line="188" />
            <source>No start-up password: anyone using this computer can open the data.</source>
            <translation>没有设置启动密码：使用这台电脑的任何人都能打开数据。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/security_tab.py" line="192" />
            <source>Change password</source>
            <translation>修改密码</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/security_tab.py" line="192" />
            <source>Set password</source>
            <translation>设置密码</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/security_tab.py" line="198" />
            <source>set</source>
            <translation>已设置</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/security_tab.py" line="198" />
            <source>not set</source>
            <translation>未设置</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/security_tab.py" line="248" />
            <source>The password was changed.</source>
            <translation>密码已修改。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/security_tab.py" line="250" />
            <source>The password is set: it is asked for at the next start.</source>
            <translation>密码已设置：下次打开程序时需要输入。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/security_tab.py" line="259" />
            <source>The password was removed: the program opens without one.</source>
            <translation>密码已取消：打开程序不再需要密码。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/security_tab.py" line="268" />
            <source>Saved.</source>
            <translation>已保存。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/security_tab.py" line="284" />
            <source>The inspector password is set.</source>
            <translation>检查人员密码已设置。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/security_tab.py" line="293" />
            <source>The inspector password was removed.</source>
            <translation>检查人员密码已取消。</translation>
        </message>
    </context>
    <context>
        <name>SessionDialog</name>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/dialogs.py" line="324" />
            <source>Mediation: {number}</source>
            <translation>调解记录：{number}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/dialogs.py" line="329" />
            <source>Date</source>
            <translation>调解日期</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/dialogs.py" line="330" />
            <source>Place</source>
            <translation>调解地点</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/dialogs.py" line="335" />
            <source>Cadres mediating</source>
            <translation>调解干部</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/dialogs.py" line="338" />
            <source>Other mediators</source>
            <translation>其他调解人</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/dialogs.py" line="341" />
            <source>By name: the justice office's mediator, an old party member…</source>
            <translation>填写姓名：司法所调解员、老党员…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/dialogs.py" line="343" />
            <source>The parties agreed</source>
            <translation>双方达成一致</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/disputes/dialogs.py" line="346" />
            <source>What was said</source>
            <translation>调解情况</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="152" />
            <source>Village</source>
            <translation>村庄信息</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="153" />
            <source>Groups</source>
            <translation>村民小组</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="154" />
            <source>Cadres</source>
            <translation>干部</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="155" />
            <source>Vocabularies</source>
            <translation>词表</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="156" />
            <source>Deadlines and duty days</source>
            <translation>时限和值班</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="157" />
            <source>Visit quotas</source>
            <translation>走访任务</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="158" />
            <source>Contact card and printing</source>
            <translation>联系卡与打印</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="162" />
            <source>Security</source>
            <translation>安全</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="164" />
            <source>Display</source>
            <translation>界面</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="167" />
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="194" />
            <source>Village (community) *</source>
            <translation>村（社区）名称 *</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="195" />
            <source>Township</source>
            <translation>乡镇</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="196" />
            <source>County</source>
            <translation>县（市、区）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="197" />
            <source>Division code (12 digits)</source>
            <translation>统计用区划代码（12位）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="198" />
            <source>Service station phone</source>
            <translation>村服务站电话</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="199" />
            <source>Secretary mailbox / hotline</source>
            <translation>书记信箱/专线电话</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="206" />
            <location filename="../../village_desk/ui/pages/settings/page.py" line="321" />
            <location filename="../../village_desk/ui/pages/settings/page.py" line="362" />
            <location filename="../../village_desk/ui/pages/settings/page.py" line="491" />
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="218" />
            <source>Add group…</source>
            <translation>添加小组…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="219" />
            <location filename="../../village_desk/ui/pages/settings/page.py" line="262" />
            <source>Rename…</source>
            <translation>重命名…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="220" />
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="234" />
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="235" />
            <location filename="../../village_desk/ui/pages/settings/page.py" line="343" />
            <source>Role</source>
            <translation>职务</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="236" />
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="237" />
            <source>Duties</source>
            <translation>职责</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="238" />
            <source>Active</source>
            <translation>在用</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="245" />
            <source>Add cadre…</source>
            <translation>添加干部…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="246" />
            <source>Edit…</source>
            <translation>修改…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="261" />
            <source>Add…</source>
            <translation>添加…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="263" />
            <source>Retire / reinstate</source>
            <translation>停用/恢复</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="265" />
            <source>Retired entries are no longer offered for new records; old records keep them.</source>
            <translation>停用的条目不再供新记录选择；已有记录保持不变。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="274" />
            <source>List</source>
            <translation>词表</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="292" />
            <source>Default deadline (days) by matter kind</source>
            <translation>各类事项默认办结时限（天）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="548" />
            <source>Other / no kind</source>
            <translation>其他/未分类</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="296" />
            <location filename="../../village_desk/ui/pages/settings/page.py" line="299" />
            <location filename="../../village_desk/ui/pages/settings/page.py" line="564" />
            <source> days</source>
            <translation> 天未走访</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="302" />
            <source>Highlight matters due within</source>
            <translation>提前提醒到期天数</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="303" />
            <source>Households long unvisited after</source>
            <translation>多久未走访算长期未走访</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="304" />
            <source>Monthly minimum visits per cadre</source>
            <translation>每位干部每月最低走访户次</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="308" />
            <source>Mon</source>
            <translation>周一</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="309" />
            <source>Tue</source>
            <translation>周二</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="310" />
            <source>Wed</source>
            <translation>周三</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="311" />
            <source>Thu</source>
            <translation>周四</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="312" />
            <source>Fri</source>
            <translation>周五</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="313" />
            <source>Sat</source>
            <translation>周六</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="314" />
            <source>Sun</source>
            <translation>周日</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="320" />
            <source>Duty days (一线工作日)</source>
            <translation>一线工作日</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="343" />
            <source>Counted as</source>
            <translation>考核口径</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="343" />
            <source>Number</source>
            <translation>数量</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="343" />
            <source>Period</source>
            <translation>周期</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="393" />
            <source>No quota</source>
            <translation>不考核</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="394" />
            <source>Visits (household-times)</source>
            <translation>走访户次</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="395" />
            <source>Households (each counted once)</source>
            <translation>走访户数（每户只计一次）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="399" />
            <source>per year</source>
            <translation>每年</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="400" />
            <source>per month</source>
            <translation>每月</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="401" />
            <source>per campaign</source>
            <translation>每轮活动</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="355" />
            <source>Visits count every household visited each time (户次); households count each household once in the period (户). Campaign quotas cover a visiting campaign as the township sets it.</source>
            <translation>户次：每走访一户计一次，同一户多次走访重复计；户数：周期内每户只计一次。“每轮活动”按乡镇组织的走访活动期计算。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="445" />
            <source>e.g. 民情联系卡, 干群连心卡</source>
            <translation>如：民情联系卡、干群连心卡</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="452" />
            <source>Empty: a Chinese font found on this computer</source>
            <translation>留空：使用本机找到的中文字体</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="453" />
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="462" />
            <source>Card title</source>
            <translation>联系卡标题</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="463" />
            <source>Slogan</source>
            <translation>标语</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="464" />
            <source>Policy publicity text</source>
            <translation>政策宣传内容</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="465" />
            <source>Service items (one per line)</source>
            <translation>代办事项清单（每行一项）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="466" />
            <source>Print font (.ttf / .ttc)</source>
            <translation>打印字体（.ttf / .ttc）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="477" />
            <source>Printouts embed this font so Chinese shows on any computer. Use a TrueType font with Chinese characters (.ttf or .ttc, e.g. msyh.ttc, simhei.ttf); .otf fonts cannot be embedded.</source>
            <translation>打印文件会嵌入此字体，在任何电脑上都能显示中文。请选择含汉字的 TrueType 字体（.ttf 或 .ttc，如 msyh.ttc、simhei.ttf）；.otf 字体无法嵌入。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="505" />
            <source>Choose the print font</source>
            <translation>选择打印字体</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="507" />
            <source>TrueType fonts (*.ttf *.ttc *.TTF *.TTC)</source>
            <translation>TrueType 字体 (*.ttf *.ttc *.TTF *.TTC)</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="527" />
            <source>Large font (easier to read)</source>
            <translation>大字体（看得更清楚）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="528" />
            <location filename="../../village_desk/ui/pages/settings/page.py" line="877" />
            <source>A new language applies after restarting.</source>
            <translation>新的界面语言在重新启动后生效。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="531" />
            <location filename="../../village_desk/ui/pages/settings/page.py" line="877" />
            <source>Language</source>
            <translation>界面语言</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="615" />
            <source>Yes</source>
            <translation>是</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="615" />
            <source>No</source>
            <translation>否</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="677" />
            <source> (retired)</source>
            <translation>（已停用）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="687" />
            <location filename="../../village_desk/ui/pages/settings/page.py" line="821" />
            <source>Saved.</source>
            <translation>已保存。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="722" />
            <source>Add group</source>
            <translation>添加村民小组</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="722" />
            <location filename="../../village_desk/ui/pages/settings/page.py" line="732" />
            <source>Group name:</source>
            <translation>组名：</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="732" />
            <source>Rename group</source>
            <translation>重命名村民小组</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="759" />
            <source>Add entry</source>
            <translation>添加条目</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="759" />
            <location filename="../../village_desk/ui/pages/settings/page.py" line="770" />
            <source>Name:</source>
            <translation>名称：</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="770" />
            <source>Rename entry</source>
            <translation>重命名条目</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="832" />
            <source>There is no font file at this path.</source>
            <translation>这个位置没有字体文件。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="835" />
            <source>Choose a TrueType font (.ttf or .ttc); .otf and other fonts cannot be embedded.</source>
            <translation>请选择 TrueType 字体（.ttf 或 .ttc）；.otf 等字体无法嵌入。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="841" />
            <source>This font cannot be used: it is damaged or has no Chinese characters.</source>
            <translation>此字体不能使用：文件已损坏或不含汉字。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/settings/page.py" line="160" />
            <source>Data and backups</source>
            <translation>数据与备份</translation>
        </message>
    </context>
    <context>
        <name>SignOffDialog</name>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/signoff.py" line="36" />
            <source>Record sign-off</source>
            <translation>登记办结签收</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/signoff.py" line="39" />
            <source>Signed by</source>
            <translation>签收人</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/signoff.py" line="50" />
            <source>Signed by *</source>
            <translation>签收人 *</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/signoff.py" line="51" />
            <source>Date</source>
            <translation>签收日期</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/signoff.py" line="63" />
            <source>The applicant signs the completion slip (办结签收). Record who signed; a photo of the signed slip can be added on the tab as well.</source>
            <translation>事项办结后由申请人在办结签收单上签字。这里登记签收人；也可以在本页添加签收单的照片。</translation>
        </message>
    </context>
    <context>
        <name>SignOffTab</name>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/signoff.py" line="97" />
            <source>Sign-off on completion (办结签收)</source>
            <translation>办结签收</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/signoff.py" line="100" />
            <source>Record sign-off…</source>
            <translation>登记签收…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/signoff.py" line="101" />
            <source>Add photo of the signed slip…</source>
            <translation>添加签收单照片…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/signoff.py" line="102" />
            <location filename="../../village_desk/ui/pages/ledger/signoff.py" line="163" />
            <source>Take back sign-off</source>
            <translation>撤销签收</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/signoff.py" line="133" />
            <source>Signed by {who} on {date}.</source>
            <translation>{who} 于 {date} 签收。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/signoff.py" line="137" />
            <source>Signed slip attached.</source>
            <translation>已附签收单。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/signoff.py" line="139" />
            <source>Not signed off yet: the applicant signs the completion slip.</source>
            <translation>尚未签收：请申请人在办结签收单上签字。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/signoff.py" line="141" />
            <source>Signed off after the matter is done.</source>
            <translation>事项办结后签收。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/signoff.py" line="143" />
            <source>Photo of the signed slip attached.</source>
            <translation>已附签收单照片。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/ledger/signoff.py" line="165" />
            <source>Remove the sign-off by {who}? Use this only for one recorded by mistake.</source>
            <translation>撤销 {who} 的签收登记？仅用于登记错了的情况。</translation>
        </message>
    </context>
    <context>
        <name>SixOnesView</name>
        <message>
            <location filename="../../village_desk/ui/pages/six_ones/view.py" line="63" />
            <location filename="../../village_desk/ui/pages/six_ones/view.py" line="74" />
            <source>Year</source>
            <translation>年度</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/six_ones/view.py" line="67" />
            <source>New activity…</source>
            <translation>登记活动…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/six_ones/view.py" line="69" />
            <source>A policy talk, a joint service or a practical project (Ctrl+N)</source>
            <translation>宣讲活动、联动服务或实事工程（Ctrl+N）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/six_ones/view.py" line="72" />
            <source>Six ones (六个一)</source>
            <translation>“六个一”</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/six_ones/view.py" line="78" />
            <source>Village</source>
            <translation>村</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/six_ones/view.py" line="81" />
            <source>Cadre</source>
            <translation>干部</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/six_ones/view.py" line="81" />
            <source>Role</source>
            <translation>职务</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/six_ones/view.py" line="83" />
            <source>Done</source>
            <translation>完成</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/six_ones/view.py" line="85" />
            <source>Six ones of each cadre</source>
            <translation>各干部的“六个一”</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/six_ones/view.py" line="91" />
            <source>Ticked (✓) at one or more; the number is how many the year holds.</source>
            <translation>有1项以上即打“✓”，数字为当年的数量。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/six_ones/view.py" line="99" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/six_ones/view.py" line="100" />
            <source>Kind</source>
            <translation>类别</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/six_ones/view.py" line="101" />
            <source>What it was</source>
            <translation>活动内容</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/six_ones/view.py" line="102" />
            <source>Place</source>
            <translation>地点</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/six_ones/view.py" line="103" />
            <source>Cadres</source>
            <translation>开展干部</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/six_ones/view.py" line="104" />
            <source>People</source>
            <translation>人数</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/six_ones/view.py" line="107" />
            <source>Activities of the year</source>
            <translation>当年的活动</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/six_ones/view.py" line="113" />
            <source>Edit…</source>
            <translation>修改…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/six_ones/view.py" line="114" />
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/six_ones/view.py" line="116" />
            <source>Talks, joint services and projects</source>
            <translation>宣讲活动、联动服务、实事工程</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/six_ones/view.py" line="227" />
            <source>Delete activity</source>
            <translation>删除活动记录</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/six_ones/view.py" line="228" />
            <source>Delete the {kind} “{title}” of {date}?</source>
            <translation>删除 {date} 的{kind}“{title}”吗？</translation>
        </message>
    </context>
    <context>
        <name>SpotChecksTab</name>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/spot_checks.py" line="99" />
            <source>New spot-check…</source>
            <translation>新建抽查…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/spot_checks.py" line="100" />
            <source>Print record…</source>
            <translation>打印抽查记录…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/spot_checks.py" line="101" />
            <location filename="../../village_desk/ui/pages/assessment/spot_checks.py" line="382" />
            <source>Delete spot-check</source>
            <translation>删除抽查</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/spot_checks.py" line="103" />
            <source>Spot-checks of diaries</source>
            <translation>民情日记抽查</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/spot_checks.py" line="112" />
            <source>Checked on</source>
            <translation>抽查日期</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/spot_checks.py" line="113" />
            <source>Diaries of</source>
            <translation>抽查范围</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/spot_checks.py" line="114" />
            <source>Written</source>
            <translation>日记期间</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/spot_checks.py" line="115" />
            <source>Inspector</source>
            <translation>抽查人</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/spot_checks.py" line="116" />
            <source>In scope</source>
            <translation>范围内篇数</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/spot_checks.py" line="117" />
            <source>Drawn</source>
            <translation>抽取篇数</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/spot_checks.py" line="118" />
            <source>With a finding</source>
            <translation>已下结论</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/spot_checks.py" line="119" />
            <source>True rate</source>
            <translation>日记真实率</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/spot_checks.py" line="120" />
            <source>Seed</source>
            <translation>随机数种子</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/spot_checks.py" line="121" />
            <source>Record no.</source>
            <translation>编号</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/spot_checks.py" line="125" />
            <source>Spot-checks</source>
            <translation>抽查记录</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/spot_checks.py" line="128" />
            <source>No.</source>
            <translation>序号</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/spot_checks.py" line="129" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/spot_checks.py" line="130" />
            <source>Written by</source>
            <translation>记录人</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/spot_checks.py" line="131" />
            <source>Mode</source>
            <translation>方式</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/spot_checks.py" line="132" />
            <source>Households</source>
            <translation>走访户</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/spot_checks.py" line="133" />
            <source>What was written</source>
            <translation>日记内容</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/spot_checks.py" line="134" />
            <location filename="../../village_desk/ui/pages/assessment/spot_checks.py" line="150" />
            <location filename="../../village_desk/ui/pages/assessment/spot_checks.py" line="159" />
            <location filename="../../village_desk/ui/pages/assessment/spot_checks.py" line="169" />
            <source>Finding</source>
            <translation>抽查结论</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/spot_checks.py" line="135" />
            <source>Note</source>
            <translation>结论说明</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/spot_checks.py" line="139" />
            <source>Entries drawn</source>
            <translation>抽到的日记</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/spot_checks.py" line="154" />
            <source>The entry as written</source>
            <translation>日记原文</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/spot_checks.py" line="164" />
            <location filename="../../village_desk/ui/pages/assessment/spot_checks.py" line="170" />
            <source>What was found</source>
            <translation>发现的情况</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/spot_checks.py" line="166" />
            <source>Required unless the entry is true: what was found</source>
            <translation>结论不是“真实”时必填：抽查发现的情况</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/spot_checks.py" line="182" />
            <source>Save finding</source>
            <translation>保存结论</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/spot_checks.py" line="226" />
            <source>All diaries</source>
            <translation>全部日记</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/spot_checks.py" line="279" />
            <source>(deleted since) {text}</source>
            <translation>（已删除）{text}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/spot_checks.py" line="287" />
            <source>Not yet</source>
            <translation>未下结论</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/spot_checks.py" line="296" />
            <source>No spot-check yet: “New spot-check…” draws diary entries to check.</source>
            <translation>还没有抽查记录：点“新建抽查…”抽取要检查的日记。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/spot_checks.py" line="298" />
            <source>Choose a spot-check to see the entries it drew.</source>
            <translation>选择一次抽查，查看抽到的日记。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/spot_checks.py" line="306" />
            <source>{drawn} of {population} entries drawn with seed {seed}; {checked} with a finding ({counts}); true rate {rate}.</source>
            <translation>范围内 {population} 篇，用种子 {seed} 抽取 {drawn} 篇；已下结论 {checked} 篇（{counts}）；日记真实率 {rate}。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/spot_checks.py" line="338" />
            <source>Households: {text}</source>
            <translation>走访户：{text}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/spot_checks.py" line="340" />
            <source>Place: {text}</source>
            <translation>地点：{text}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/spot_checks.py" line="342" />
            <source>(nothing written)</source>
            <translation>（未写内容）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/spot_checks.py" line="384" />
            <source>Delete the spot-check of {date} ({scope}) with its {n} findings? Its findings no longer count in the assessment.</source>
            <translation>删除 {date} 的抽查（{scope}）及其 {n} 条结论？删除后这些结论不再计入考核。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/spot_checks.py" line="409" />
            <source>Spot-check record {date}</source>
            <translation>民情日记抽查记录 {date}</translation>
        </message>
    </context>
    <context>
        <name>StatsPage</name>
        <message>
            <location filename="../../village_desk/ui/pages/stats/page.py" line="129" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/stats/page.py" line="130" />
            <source>Counting…</source>
            <translation>正在统计…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/stats/page.py" line="133" />
            <source>Statistics</source>
            <translation>统计</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/stats/page.py" line="150" />
            <source>Commitments of the year</source>
            <translation>承诺年度</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/stats/page.py" line="155" />
            <source>Commitments of</source>
            <translation>承诺年度</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/stats/page.py" line="164" />
            <source>Visits and matters</source>
            <translation>走访与事项</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/stats/page.py" line="165" />
            <source>Keeping rate per cadre</source>
            <translation>干部践诺率</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/stats/page.py" line="234" />
            <source>{year}</source>
            <translation>{year}年</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/stats/page.py" line="241" />
            <source>Keeping rate = commitments kept ÷ the cadre's commitments for {year} (counted by the year a commitment was made for; partly kept ones and those not reviewed yet count in the base, not as kept). Party members' commitments are on the commitments page.</source>
            <translation>践诺率 = 已践诺 ÷ 该干部{year}年的承诺件数（按承诺所属年度统计；部分践诺和尚未评定的计入承诺件数，不算已践诺）。党员的承诺见“公开承诺”页。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/stats/page.py" line="247" />
            <source>Active cadres without a commitment for {year}: {names}.</source>
            <translation>{year}年无承诺的在职干部：{names}。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/stats/page.py" line="257" />
            <source>{name} {rate} ({kept}/{total})</source>
            <translation>{name} {rate}（{kept}/{total}）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/stats/page.py" line="348" />
            <source>Visits per month, last 12 months (household-times)</source>
            <translation>近12个月每月走访户次</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/stats/page.py" line="350" />
            <location filename="../../village_desk/ui/pages/stats/page.py" line="356" />
            <source>Visits</source>
            <translation>户次</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/stats/page.py" line="352" />
            <source>Matters by status</source>
            <translation>各状态事项</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/stats/page.py" line="354" />
            <source>Visits per cadre this year</source>
            <translation>今年各干部走访</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/stats/page.py" line="356" />
            <source>Households visited</source>
            <translation>走访户数</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/stats/page.py" line="358" />
            <source>Matters by kind</source>
            <translation>各类别事项</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/stats/page.py" line="360" />
            <source>Keeping rate per cadre, commitments for {year}</source>
            <translation>各干部践诺率（{year}年的承诺）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/stats/page.py" line="363" />
            <source>No commitments</source>
            <translation>无承诺</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/stats/page.py" line="365" />
            <source>Kept</source>
            <translation>已践诺</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/stats/page.py" line="366" />
            <source>Partly kept</source>
            <translation>部分践诺</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/stats/page.py" line="367" />
            <source>Not kept</source>
            <translation>未践诺</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/stats/page.py" line="368" />
            <source>Not reviewed</source>
            <translation>未评定</translation>
        </message>
    </context>
    <context>
        <name>TownshipPage</name>
        <message>
            <location filename="../../village_desk/ui/pages/township/page.py" line="86" />
            <location filename="../../village_desk/ui/pages/township/page.py" line="101" />
            <source>Period</source>
            <translation>统计期间</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/township/page.py" line="88" />
            <source>This month</source>
            <translation>本月</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/township/page.py" line="89" />
            <source>Last month</source>
            <translation>上月</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/township/page.py" line="90" />
            <source>This quarter</source>
            <translation>本季度</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/township/page.py" line="91" />
            <source>This year</source>
            <translation>本年度</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/township/page.py" line="94" />
            <source>Counting…</source>
            <translation>正在统计…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/township/page.py" line="96" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/township/page.py" line="98" />
            <source>Township summary</source>
            <translation>乡镇汇总</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/township/page.py" line="109" />
            <location filename="../../village_desk/ui/pages/township/page.py" line="125" />
            <source>Village</source>
            <translation>村（社区）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/township/page.py" line="110" />
            <source>Households</source>
            <translation>户数</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/township/page.py" line="111" />
            <location filename="../../village_desk/ui/pages/township/page.py" line="128" />
            <source>Households visited</source>
            <translation>走访户</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/township/page.py" line="112" />
            <location filename="../../village_desk/ui/pages/township/page.py" line="129" />
            <source>Visits</source>
            <translation>走访户次</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/township/page.py" line="113" />
            <source>Coverage</source>
            <translation>走访覆盖率</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/township/page.py" line="114" />
            <source>Matters on the ledger</source>
            <translation>期内在账</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/township/page.py" line="115" />
            <source>Done</source>
            <translation>已办结</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/township/page.py" line="116" />
            <source>Done rate</source>
            <translation>办结率</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/township/page.py" line="117" />
            <source>On time</source>
            <translation>按时办结率</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/township/page.py" line="118" />
            <source>Satisfaction (final)</source>
            <translation>最终满意率</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/township/page.py" line="119" />
            <source>Overdue</source>
            <translation>逾期未办结</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/township/page.py" line="122" />
            <source>Villages side by side</source>
            <translation>各村汇总</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/township/page.py" line="126" />
            <source>Cadre</source>
            <translation>干部</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/township/page.py" line="127" />
            <source>Role</source>
            <translation>职务</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/township/page.py" line="130" />
            <source>Quota for the period</source>
            <translation>本期定额</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/township/page.py" line="231" />
            <source>{n} {unit} a round</source>
            <translation>每轮 {n} {unit}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/township/page.py" line="131" />
            <source>Completion</source>
            <translation>完成率</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/township/page.py" line="135" />
            <location filename="../../village_desk/ui/pages/township/page.py" line="150" />
            <source>Cadres' visits against quota</source>
            <translation>干部走访与定额</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/township/page.py" line="138" />
            <source>Each village is counted as its own workbook counts it, with its own settings. Double-click a village to see its overdue matters.</source>
            <translation>各村按本村台账的口径、用本村的设置统计。双击一个村，查看它的逾期事项。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/township/page.py" line="196" />
            <source>{start} to {end}; states on {as_of}</source>
            <translation>{start} 至 {end}；事项状态截至 {as_of}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/township/page.py" line="203" />
            <location filename="../../village_desk/ui/pages/township/page.py" line="237" />
            <source>Township</source>
            <translation>乡镇</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/township/page.py" line="204" />
            <source>Total</source>
            <translation>合计</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/township/page.py" line="229" />
            <source>households</source>
            <translation>户</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/township/page.py" line="229" />
            <source>visits</source>
            <translation>户次</translation>
        </message>
    </context>
    <context>
        <name>VillageDialog</name>
        <message>
            <location filename="../../village_desk/ui/pages/township/page.py" line="263" />
            <source>{village}: overdue matters</source>
            <translation>{village}：逾期事项</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/township/page.py" line="265" />
            <source>{count} matters open past their deadline on {day}</source>
            <translation>截至 {day}，有 {count} 件事项超过办结时限仍未办结</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/township/page.py" line="271" />
            <source>Number</source>
            <translation>编号</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/township/page.py" line="272" />
            <source>Applicant</source>
            <translation>申请人</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/township/page.py" line="273" />
            <source>Matter</source>
            <translation>申办事项</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/township/page.py" line="274" />
            <source>Responsible</source>
            <translation>主办责任人</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/township/page.py" line="275" />
            <source>Deadline</source>
            <translation>办结时限</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/township/page.py" line="276" />
            <source>Days overdue</source>
            <translation>逾期天数</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/township/page.py" line="277" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/township/page.py" line="278" />
            <source>Last progress</source>
            <translation>最近办理情况</translation>
        </message>
    </context>
    <context>
        <name>VillageFilter</name>
        <message>
            <location filename="../../village_desk/ui/widgets/village_choice.py" line="27" />
            <location filename="../../village_desk/ui/widgets/village_choice.py" line="29" />
            <source>Village</source>
            <translation>村</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/village_choice.py" line="45" />
            <source>All villages</source>
            <translation>全部村</translation>
        </message>
    </context>
    <context>
        <name>Widgets</name>
        <message>
            <location filename="../../village_desk/ui/widgets/forms.py" line="183" />
            <source>Save (Ctrl+S)</source>
            <translation>保存（Ctrl+S）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/forms.py" line="191" />
            <source>Unsaved changes</source>
            <translation>未保存的修改</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/forms.py" line="192" />
            <source>Discard unsaved changes?</source>
            <translation>放弃未保存的修改？</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/forms.py" line="194" />
            <source>Discard</source>
            <translation>放弃</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/forms.py" line="197" />
            <source>Keep editing</source>
            <translation>继续编辑</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/forms.py" line="292" />
            <source>Read-only (inspector)</source>
            <extracomment>Opens in the read-only inspector's session too (a spot-check form: what :data:`~village_desk.core.storage.roles.INSPECTOR_WRITABLE` allows).</extracomment>
            <translation>只读（检查人员）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/forms.py" line="293" />
            <source>This window is open read-only for an inspector: records can be looked at, not changed.</source>
            <translation>本窗口以检查人员身份只读打开：可以查看记录，不能修改。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/forms.py" line="329" />
            <source>Please choose</source>
            <translation>请选择</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/undo_bar.py" line="26" />
            <source>Undo</source>
            <translation>撤销</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/widgets/undo_bar.py" line="42" />
            <source>Deleted: {what}</source>
            <translation>已删除：{what}</translation>
        </message>
    </context>
    <context>
        <name>YearTab</name>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="62" />
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="117" />
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="136" />
            <source>Poll satisfaction</source>
            <translation>测评满意率</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="63" />
            <source>Visit completion</source>
            <translation>走访完成率</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="64" />
            <source>Paired households covered</source>
            <translation>联系户覆盖率</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="65" />
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="109" />
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="130" />
            <source>Done rate</source>
            <translation>办结率</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="66" />
            <source>On-time rate</source>
            <translation>按时办结率</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="67" />
            <source>Satisfaction (final)</source>
            <translation>满意率（最终）</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="68" />
            <source>Keeping rate</source>
            <translation>践诺率</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="69" />
            <source>Diary true rate</source>
            <translation>日记真实率</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="74" />
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="90" />
            <source>Year</source>
            <translation>年度</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="76" />
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="92" />
            <source>Rank by</source>
            <translation>排名依据</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="80" />
            <source>Show</source>
            <translation>显示</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="81" />
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="125" />
            <source>Cadres</source>
            <translation>干部</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="82" />
            <source>Villages</source>
            <translation>各村排名</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="84" />
            <source>Counting…</source>
            <translation>正在统计…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="87" />
            <source>Yearly assessment</source>
            <translation>年度考核</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="99" />
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="123" />
            <source>Place</source>
            <translation>名次</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="101" />
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="124" />
            <source>Village</source>
            <translation>村</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="103" />
            <source>Cadre</source>
            <translation>干部</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="104" />
            <source>Role</source>
            <translation>职务</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="105" />
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="126" />
            <source>Households visited</source>
            <translation>走访户</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="106" />
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="127" />
            <source>Visits</source>
            <translation>户次</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="107" />
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="128" />
            <source>Completion</source>
            <translation>完成率</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="108" />
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="129" />
            <source>Paired covered</source>
            <translation>联系户覆盖</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="110" />
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="131" />
            <source>On time</source>
            <translation>按时办结</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="111" />
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="132" />
            <source>Satisfaction</source>
            <translation>满意率</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="112" />
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="133" />
            <source>Kept</source>
            <translation>践诺率</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="113" />
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="134" />
            <source>Diary true</source>
            <translation>日记真实率</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="114" />
            <source>Self</source>
            <translation>自评</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="115" />
            <source>Leader</source>
            <translation>点评</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="116" />
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="135" />
            <source>Votes</source>
            <translation>测评票数</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="120" />
            <source>Cadres' yearly figures</source>
            <translation>干部年度考核</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="140" />
            <source>Villages' yearly figures</source>
            <translation>各村年度考核</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="145" />
            <source>Enter evaluations…</source>
            <translation>填写三评…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="146" />
            <source>Print this cadre's sheet…</source>
            <translation>打印本人考核表…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="147" />
            <source>Print all sheets…</source>
            <translation>打印全部考核表…</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="159" />
            <source>How the figures are counted:</source>
            <translation>指标口径：</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="164" />
            <source>Place: by the figure chosen above, highest first; equal figures share a place; cadres without that figure get none.</source>
            <translation>名次：按上面选定的指标从高到低排列，相同的并列；没有该指标的干部不排名次。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="264" />
            <source>{year}: counted up to {as_of}; places by {figure}</source>
            <translation>{year}年度：统计截至 {as_of}；按{figure}排名</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="347" />
            <source>Each village's cadres summed (township cadres under 乡镇); the rates are computed from the sums, not averaged.</source>
            <translation>各村干部的数字相加（乡镇干部计入“乡镇”）；各项比率由合计数计算，不是平均数。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="353" />
            <source>Choose a cadre to see the year's sheet.</source>
            <translation>选择一位干部，查看其年度考核情况。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="359" />
            <source>Self-evaluation: {score} {text}</source>
            <translation>自评：{score} {text}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="364" />
            <source>Leader's comment: {score} {who} {text}</source>
            <translation>领导点评：{score} {who}{text}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="373" />
            <source>Villagers' evaluation: {satisfied} satisfied, {basic} basically satisfied, {unsatisfied} not satisfied; satisfaction {rate}</source>
            <translation>群众测评：满意 {satisfied} 票，基本满意 {basic} 票，不满意 {unsatisfied} 票；测评满意率 {rate}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="383" />
            <source>Villagers' evaluation: not polled yet</source>
            <translation>群众测评：尚未测评</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="417" />
            <source>Assessment {year} {name}</source>
            <translation>{year}年度干部考核表 {name}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/assessment/year.py" line="421" />
            <source>Assessment {year}</source>
            <translation>{year}年度干部考核表</translation>
        </message>
    </context>
    <context>
        <name>_MeetingsPanel</name>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/page.py" line="115" />
            <source>Click to open the meeting records</source>
            <translation>点击打开会议记录</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/page.py" line="116" />
            <location filename="../../village_desk/ui/pages/dashboard/page.py" line="182" />
            <source>Meeting rhythm</source>
            <translation>会议节奏</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/page.py" line="136" />
            <source>{month}/{day}</source>
            <translation>{month}月{day}日</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/page.py" line="137" />
            <source>{year}/{month}/{day}</source>
            <translation>{year}年{month}月{day}日</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/page.py" line="142" />
            <source>last {date}</source>
            <translation>上次 {date}</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/page.py" line="144" />
            <source>never held</source>
            <translation>从未召开</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/page.py" line="147" />
            <source>no fixed rhythm</source>
            <translation>不定期</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/page.py" line="149" />
            <source>overdue</source>
            <translation>已逾期</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/page.py" line="151" />
            <source>overdue by {days} days</source>
            <translation>已逾期 {days} 天</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/page.py" line="153" />
            <source>next by {date}</source>
            <translation>{date}前召开</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/page.py" line="178" />
            <source>Meeting rhythm: {n} of {total} villages have overdue meetings</source>
            <translation>会议节奏：{total} 个村中有 {n} 个村会议逾期</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/page.py" line="187" />
            <source>Every village holds its meetings in time.</source>
            <translation>各村会议均按时召开。</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/page.py" line="191" />
            <source>{kind} overdue by {days} days</source>
            <translation>{kind}逾期 {days} 天</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/page.py" line="195" />
            <source>{kind} never held</source>
            <translation>{kind}从未召开</translation>
        </message>
        <message>
            <location filename="../../village_desk/ui/pages/dashboard/page.py" line="202" />
            <source>… and {n} more villages</source>
            <translation>……另有 {n} 个村</translation>
        </message>
    </context>
</TS>