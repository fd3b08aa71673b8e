<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="63" />
        <source>{action}: {number}</source>
        <translation>{action}：{number}</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="88" />
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="90" />
        <source>Forwarded to *</source>
        <translation>上报单位 *</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="95" />
        <source>Level</source>
        <translation>办理层级</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="97" />
        <source>Result from above *</source>
        <translation>上级办理结果 *</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="99" />
        <source>Result *</source>
        <translation>办理结果 *</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="104" />
        <source>Satisfaction *</source>
        <translation>满意度 *</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="105" />
        <source>What the applicant said</source>
        <translation>群众的意见</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="108" />
        <source>State all reasons at once (one per line), so the applicant does not have to come back twice.</source>
        <translation>请一次性写明全部理由（每行一条），不让群众跑第二趟。</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="112" />
        <source>Reasons *</source>
        <translation>退回理由 *</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="114" />
        <source>Explain to the applicant why it cannot be solved now.</source>
        <translation>请向群众说明暂时不能解决的原因（不能解决的也要给个说法）。</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="115" />
        <source>Explanation *</source>
        <translation>解释说明 *</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="118" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../village_desk/ui/app.py" line="50" />
        <source>Village Desk</source>
        <translation>村务民情台账</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/app.py" line="66" />
        <location filename="../../village_desk/ui/app.py" line="145" />
        <source>Cannot open the data</source>
        <translation>无法打开数据</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/app.py" line="71" />
        <source>Data location: {url}</source>
        <translation>数据位置：{url}</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/app.py" line="91" />
        <source>Error</source>
        <translation>出错了</translation>
    </message>
</context>
<context>
    <name>CadreChecklist</name>
    <message>
        <location filename="../../village_desk/ui/pickers.py" line="173" />
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>CadreDialog</name>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="56" />
        <source>Edit cadre</source>
        <translation>修改干部信息</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="56" />
        <source>Add cadre</source>
        <translation>添加干部</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="66" />
        <source>Active (can be chosen for new records)</source>
        <translation>在用（新记录中可以选择）</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="72" />
        <source>Name *</source>
        <translation>姓名 *</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="73" />
        <source>Role</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="74" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="80" />
        <source>Duties</source>
        <translation>职责</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../village_desk/ui/pages.py" line="90" />
        <source>Needs attention</source>
        <translation>需要关注</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/pages.py" line="95" />
        <source>Overdue matters</source>
        <translation>逾期事项</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/pages.py" line="96" />
        <source>Matters due soon</source>
        <translation>即将到期事项</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/pages.py" line="97" />
        <source>Done, awaiting return visit</source>
        <translation>已办结待回访</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/pages.py" line="98" />
        <source>Open matters</source>
        <translation>未办结事项</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/pages.py" line="99" />
        <source>Households never visited</source>
        <translation>从未走访的户</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/pages.py" line="101" />
        <source>Households</source>
        <translation>总户数</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/pages.py" line="118" />
        <source>Click to open the list</source>
        <translation>点击打开清单</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/pages.py" line="130" />
        <source>Cadre</source>
        <translation>干部</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/pages.py" line="131" />
        <source>Visits (household-times)</source>
        <translation>走访户次</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/pages.py" line="132" />
        <source>Households visited</source>
        <translation>走访户数</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/pages.py" line="133" />
        <source>Diary entries</source>
        <translation>日记篇数</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/pages.py" line="134" />
        <source>Monthly minimum</source>
        <translation>每月最低</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/pages.py" line="156" />
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/pages.py" line="157" />
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/pages.py" line="158" />
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/pages.py" line="159" />
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/pages.py" line="160" />
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/pages.py" line="161" />
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/pages.py" line="162" />
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/pages.py" line="175" />
        <source>Households not visited for {days} days</source>
        <translation>超过 {days} 天未走访的户</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/pages.py" line="184" />
        <source>Duty days: {days}</source>
        <translation>一线工作日：{days}</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/pages.py" line="185" />
        <source>Today is a duty day.</source>
        <translation>今天是一线工作日。</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/pages.py" line="188" />
        <source>Visits this month ({month})</source>
        <translation>本月走访（{month}）</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/pages.py" line="204" />
        <source>Below the monthly minimum</source>
        <translation>低于每月最低走访数</translation>
    </message>
</context>
<context>
    <name>DiaryEditor</name>
    <message>
        <location filename="../../village_desk/ui/diary_editor.py" line="178" />
        <location filename="../../village_desk/ui/diary_editor.py" line="366" />
        <location filename="../../village_desk/ui/diary_editor.py" line="380" />
        <source>New diary entry</source>
        <translation>新写民情日记</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_editor.py" line="181" />
        <source>Save entry</source>
        <translation>保存日记</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_editor.py" line="182" />
        <source>Save (Ctrl+S)</source>
        <translation>保存（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_editor.py" line="183" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_editor.py" line="184" />
        <source>Close (Esc); an unsaved entry is kept as a draft</source>
        <translation>关闭（Esc）；未保存的日记会留作草稿</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_editor.py" line="185" />
        <location filename="../../village_desk/ui/diary_editor.py" line="591" />
        <source>Discard draft</source>
        <translation>放弃草稿</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_editor.py" line="207" />
        <source>For meetings: where, and who took part</source>
        <translation>集体活动：地点和参加人员</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_editor.py" line="221" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_editor.py" line="222" />
        <source>Mode</source>
        <translation>走访方式</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_editor.py" line="223" />
        <source>Cadre</source>
        <translation>干部</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_editor.py" line="224" />
        <source>Companions</source>
        <translation>同行干部</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_editor.py" line="225" />
        <source>Visited households</source>
        <translation>走访对象</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_editor.py" line="226" />
        <source>Place / participants</source>
        <translation>地点/参加人员</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_editor.py" line="229" />
        <source>The six questions (optional; click to open)</source>
        <translation>“六问”（可选，点击展开）</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_editor.py" line="232" />
        <source>Basic situation</source>
        <translation>基本情况</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_editor.py" line="233" />
        <source>Hardships</source>
        <translation>困难问题</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_editor.py" line="234" />
        <source>Wishes to raise income</source>
        <translation>致富愿望</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_editor.py" line="235" />
        <source>Views of cadres</source>
        <translation>干部评价</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_editor.py" line="236" />
        <source>Suggestions for our work</source>
        <translation>工作建议</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_editor.py" line="237" />
        <source>Development ideas</source>
        <translation>发展计策</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_editor.py" line="246" />
        <source>What happened on this visit</source>
        <translation>这次走访的情况</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_editor.py" line="249" />
        <source>Policies explained, services, goods</source>
        <translation>送政策、送服务、送物资</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_editor.py" line="251" />
        <source>Narrative</source>
        <translation>走访记录</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_editor.py" line="252" />
        <source>Help given</source>
        <translation>帮扶内容</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_editor.py" line="254" />
        <source>Raised by the villagers</source>
        <translation>群众反映的问题</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_editor.py" line="261" />
        <source>Add raised item</source>
        <translation>添加反映的问题</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_editor.py" line="380" />
        <location filename="../../village_desk/ui/diary_editor.py" line="398" />
        <source>Edit diary entry</source>
        <translation>修改民情日记</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_editor.py" line="386" />
        <source>Draft restored</source>
        <translation>已恢复草稿</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_editor.py" line="428" />
        <source>{text} → ledger matter {number}</source>
        <translation>{text} → 台账事项 {number}</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_editor.py" line="439" />
        <source>{text} — solved on the spot: {solution}</source>
        <translation>{text} —— 当场解决：{solution}</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_editor.py" line="512" />
        <source>Draft could not be saved: {reason}</source>
        <translation>草稿无法保存：{reason}</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_editor.py" line="518" />
        <source>Draft saved {time}</source>
        <translation>草稿已自动保存 {time}</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_editor.py" line="547" />
        <source>Add a cadre in Settings first.</source>
        <translation>请先在“设置”中添加干部。</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_editor.py" line="592" />
        <source>Throw away what was written in this entry?</source>
        <translation>放弃这篇日记里已经写的内容？</translation>
    </message>
</context>
<context>
    <name>DiaryPage</name>
    <message>
        <location filename="../../village_desk/ui/diary_page.py" line="58" />
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_page.py" line="64" />
        <source>New entry…</source>
        <translation>写日记…</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_page.py" line="65" />
        <source>New diary entry (Ctrl+N)</source>
        <translation>新写民情日记（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_page.py" line="66" />
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_page.py" line="67" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_page.py" line="71" />
        <source>Cadre</source>
        <translation>干部</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_page.py" line="74" />
        <source>Mode</source>
        <translation>走访方式</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_page.py" line="89" />
        <source>Continue draft</source>
        <translation>继续填写草稿</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_page.py" line="154" />
        <source>All cadres</source>
        <translation>全部干部</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_page.py" line="157" />
        <source>All modes</source>
        <translation>全部方式</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_page.py" line="190" />
        <source>{n} entries</source>
        <translation>共 {n} 篇</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_page.py" line="197" />
        <source>Draft of {date}: {who} (saved {saved})</source>
        <translation>{date} 的草稿：{who}（{saved} 保存）</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_page.py" line="204" />
        <source>{n} unfinished drafts (saved automatically):</source>
        <translation>{n} 份未写完的草稿（已自动保存）：</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_page.py" line="262" />
        <source>Delete entry</source>
        <translation>删除日记</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_page.py" line="263" />
        <source>Delete this diary entry? Matters created from it stay in the ledger.</source>
        <translation>删除这篇民情日记？由它转入台账的事项仍然保留。</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_page.py" line="277" />
        <source>The diary entry was saved.</source>
        <translation>民情日记已保存。</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_page.py" line="279" />
        <source>{n} matters were entered in the ledger.</source>
        <translation>{n} 件事项已转入台账。</translation>
    </message>
</context>
<context>
    <name>DiaryTableModel</name>
    <message>
        <location filename="../../village_desk/ui/diary_model.py" line="134" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_model.py" line="135" />
        <source>Cadre</source>
        <translation>干部</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_model.py" line="136" />
        <source>Mode</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_model.py" line="137" />
        <source>Households / place</source>
        <translation>走访对象/地点</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_model.py" line="138" />
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_model.py" line="139" />
        <source>Raised</source>
        <translation>反映问题</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_model.py" line="211" />
        <source>{n} solved</source>
        <translation>当场解决 {n}</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_model.py" line="213" />
        <source>{n} to ledger</source>
        <translation>转入台账 {n}</translation>
    </message>
</context>
<context>
    <name>EndPairingDialog</name>
    <message>
        <location filename="../../village_desk/ui/household_forms.py" line="477" />
        <source>End pairing</source>
        <translation>结束结对</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_forms.py" line="488" />
        <source>End date</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_forms.py" line="490" />
        <source>Reason *</source>
        <translation>原因 *</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../village_desk/ui/errors.py" line="23" />
        <source>The database could not be opened or read. The file may be damaged: run “village-desk check” or restore a backup.</source>
        <translation>无法打开或读取数据库，文件可能已损坏。请运行“village-desk check”检查，或从备份恢复。</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/errors.py" line="29" />
        <source>The data folder could not be used: {reason}</source>
        <translation>无法使用数据文件夹：{reason}</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/errors.py" line="32" />
        <source>An unexpected error occurred: {reason}</source>
        <translation>发生了意外错误：{reason}</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../village_desk/ui/first_run.py" line="59" />
        <source>Welcome to Village Desk</source>
        <translation>欢迎使用村务民情台账</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/first_run.py" line="99" />
        <source>e.g. Taohua Village</source>
        <translation>例如：桃花村</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/first_run.py" line="100" />
        <source>Village name</source>
        <translation>村名</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/first_run.py" line="105" />
        <source>e.g. 0731-84123456</source>
        <translation>如 0731-84123456</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/first_run.py" line="113" />
        <source>Village (community) *</source>
        <translation>村（社区）名称 *</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/first_run.py" line="115" />
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/first_run.py" line="116" />
        <source>County</source>
        <translation>县（市、区）</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/first_run.py" line="117" />
        <source>Service station phone</source>
        <translation>村服务站电话</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/first_run.py" line="119" />
        <source>Secretary mailbox / hotline</source>
        <translation>书记信箱/专线电话</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/first_run.py" line="121" />
        <source>1. Village</source>
        <translation>第一步：村庄信息</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/first_run.py" line="134" />
        <source>Add the cadres who will use this computer (you can add more later in Settings). Demonstration data bring their own cadres.</source>
        <translation>添加使用这台电脑的干部（以后可以在“设置”中继续添加）。示范数据自带干部。</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/first_run.py" line="140" />
        <source>Cadre name</source>
        <translation>干部姓名</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/first_run.py" line="143" />
        <source>Add cadre</source>
        <translation>添加干部</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/first_run.py" line="151" />
        <source>Name *</source>
        <translation>姓名 *</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/first_run.py" line="153" />
        <source>Role</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/first_run.py" line="154" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/first_run.py" line="161" />
        <source>2. Cadres</source>
        <translation>第二步：干部</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/first_run.py" line="166" />
        <source>Cadres added:</source>
        <translation>已添加的干部：</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/first_run.py" line="176" />
        <source>Load demonstration data</source>
        <translation>载入示范数据</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/first_run.py" line="177" />
        <source>Start empty</source>
        <translation>从空白开始</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/first_run.py" line="178" />
        <source>Import a household roster (Excel)</source>
        <translation>导入户籍花名册（Excel）</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/first_run.py" line="180" />
        <source>Provided by the roster import feature</source>
        <translation>将在花名册导入功能中提供</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/first_run.py" line="188" />
        <source> households</source>
        <translation> 户</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/first_run.py" line="196" />
        <source>Demonstration data are invented households, visits and matters. Use a separate data folder for real work.</source>
        <translation>示范数据中的户、走访和事项都是虚构的。正式工作请使用单独的数据文件夹。</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/first_run.py" line="70" />
        <source>Start</source>
        <translation>开始使用</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/first_run.py" line="67" />
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/first_run.py" line="68" />
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/first_run.py" line="93" />
        <source>This computer has no village data yet. Enter your village; it appears on cards and reports.</source>
        <translation>这台电脑上还没有村里的数据。请填写村庄信息，它会出现在联系卡和报表上。</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/first_run.py" line="203" />
        <source>3. How to start</source>
        <translation>第三步：开始方式</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/first_run.py" line="213" />
        <source>Step {n} of 3</source>
        <translation>第 {n} 步，共 3 步</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/first_run.py" line="255" />
        <source>Please enter the name of the village (community); it appears on cards and reports.</source>
        <translation>请填写村（社区）名称，联系卡和报表上都会用到。</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/first_run.py" line="330" />
        <source>Creating demonstration data…</source>
        <translation>正在生成示范数据……</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/first_run.py" line="71" />
        <location filename="../../village_desk/ui/first_run.py" line="330" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/first_run.py" line="349" />
        <source>Creating demonstration data: {stage}</source>
        <translation>正在生成示范数据：{stage}</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/first_run.py" line="374" />
        <source>The demonstration data could not be created: {reason}</source>
        <translation>未能生成示范数据：{reason}</translation>
    </message>
</context>
<context>
    <name>HouseholdDialog</name>
    <message>
        <location filename="../../village_desk/ui/household_forms.py" line="293" />
        <source>Edit household</source>
        <translation>修改户信息</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_forms.py" line="293" />
        <source>New household</source>
        <translation>新建户</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_forms.py" line="295" />
        <source>Household no.</source>
        <translation>户号</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_forms.py" line="297" />
        <source>(no group)</source>
        <translation>（未分组）</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_forms.py" line="306" />
        <source>Work, schooling, medical care, old-age care, income, housing…</source>
        <translation>就业、子女入学、医疗、养老、收入、住房…</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_forms.py" line="313" />
        <source>Household</source>
        <translation>户</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_forms.py" line="323" />
        <source>Household no. *</source>
        <translation>户号 *</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_forms.py" line="324" />
        <source>Group</source>
        <translation>组</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_forms.py" line="325" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_forms.py" line="326" />
        <source>Household phone</source>
        <translation>家庭电话</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_forms.py" line="327" />
        <source>Categories</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_forms.py" line="328" />
        <source>Situation</source>
        <translation>家庭情况</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_forms.py" line="329" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_forms.py" line="336" />
        <source>Head of household</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_forms.py" line="341" />
        <source>Further members are added on the household page.</source>
        <translation>其他家庭成员在户页面中添加。</translation>
    </message>
</context>
<context>
    <name>HouseholdPicker</name>
    <message>
        <location filename="../../village_desk/ui/pickers.py" line="57" />
        <source>Name, pinyin initials, phone or household no.</source>
        <translation>姓名、拼音首字母、电话或户号</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/pickers.py" line="58" />
        <source>Find household</source>
        <translation>查找户</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/pickers.py" line="65" />
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/pickers.py" line="95" />
        <source>{name} · household {number} {group}</source>
        <translation>{name} · 户号 {number} {group}</translation>
    </message>
</context>
<context>
    <name>HouseholdTableModel</name>
    <message>
        <location filename="../../village_desk/ui/models.py" line="58" />
        <source>Household no.</source>
        <translation>户号</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/models.py" line="59" />
        <source>Head</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/models.py" line="60" />
        <source>Group</source>
        <translation>组</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/models.py" line="61" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/models.py" line="62" />
        <source>Categories</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/models.py" line="63" />
        <source>Paired cadres</source>
        <translation>结对干部</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/models.py" line="64" />
        <source>Last visit</source>
        <translation>最近走访</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/models.py" line="65" />
        <source>Open matters</source>
        <translation>未办结事项</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/models.py" line="144" />
        <source>{n} overdue</source>
        <translation>其中 {n} 件已逾期</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/models.py" line="172" />
        <source>never</source>
        <translation>从未走访</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/models.py" line="177" />
        <source>{n} ({overdue} overdue)</source>
        <translation>{n}（逾期 {overdue}）</translation>
    </message>
</context>
<context>
    <name>HouseholdView</name>
    <message>
        <location filename="../../village_desk/ui/household_view.py" line="74" />
        <source>← Back to list</source>
        <translation>← 返回列表</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_view.py" line="76" />
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_view.py" line="77" />
        <source>New diary entry</source>
        <translation>新写民情日记</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_view.py" line="78" />
        <source>New matter</source>
        <translation>登记事项</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_view.py" line="79" />
        <source>Print contact card</source>
        <translation>打印联系卡</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_view.py" line="81" />
        <source>Provided by the printing feature</source>
        <translation>将在打印功能中提供</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_view.py" line="82" />
        <location filename="../../village_desk/ui/household_view.py" line="319" />
        <source>Delete household</source>
        <translation>删除此户</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_view.py" line="107" />
        <source>Group</source>
        <translation>组</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_view.py" line="108" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_view.py" line="109" />
        <location filename="../../village_desk/ui/household_view.py" line="128" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_view.py" line="110" />
        <source>Categories</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_view.py" line="112" />
        <location filename="../../village_desk/ui/household_view.py" line="180" />
        <source>Paired cadres</source>
        <translation>结对干部</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_view.py" line="113" />
        <source>Situation</source>
        <translation>家庭情况</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_view.py" line="114" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_view.py" line="123" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_view.py" line="124" />
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_view.py" line="125" />
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_view.py" line="126" />
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_view.py" line="127" />
        <source>ID number</source>
        <translation>公民身份号码</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_view.py" line="129" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_view.py" line="130" />
        <source>Party member</source>
        <translation>党员</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_view.py" line="131" />
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_view.py" line="134" />
        <source>Add member…</source>
        <translation>添加成员…</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_view.py" line="135" />
        <source>Edit member…</source>
        <translation>修改成员…</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_view.py" line="136" />
        <location filename="../../village_desk/ui/household_view.py" line="359" />
        <source>Remove member</source>
        <translation>移除成员</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_view.py" line="149" />
        <source>Cadre</source>
        <translation>干部</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_view.py" line="150" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_view.py" line="151" />
        <source>Start</source>
        <translation>开始使用</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_view.py" line="152" />
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_view.py" line="153" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_view.py" line="156" />
        <source>Pair a cadre…</source>
        <translation>添加结对…</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_view.py" line="157" />
        <source>End pairing…</source>
        <translation>结束结对…</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_view.py" line="169" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_view.py" line="169" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_view.py" line="169" />
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_view.py" line="169" />
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_view.py" line="173" />
        <source>Double-click a row to open the diary entry or matter.</source>
        <translation>双击一行可打开对应的民情日记或台账事项。</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_view.py" line="179" />
        <source>Members</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_view.py" line="181" />
        <source>Timeline</source>
        <translation>走访和事项</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_view.py" line="231" />
        <source>Household {number} · {head}</source>
        <translation>户号 {number} · {head}</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_view.py" line="232" />
        <source>(no head)</source>
        <translation>（无户主）</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_view.py" line="247" />
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_view.py" line="277" />
        <source>current</source>
        <translation>在结对</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_view.py" line="284" />
        <source>Visit</source>
        <translation>走访</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_view.py" line="284" />
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_view.py" line="292" />
        <source>Timeline ({n})</source>
        <translation>走访和事项（{n}）</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_view.py" line="293" />
        <source>Members ({n})</source>
        <translation>家庭成员（{n}）</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_view.py" line="321" />
        <source>Delete household {number} with its members and pairings? Visits and matters stay. You can undo this right afterwards.</source>
        <translation>删除户号 {number} 及其家庭成员和结对？走访记录和台账事项会保留。删除后可以马上撤销。</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_view.py" line="360" />
        <source>Remove {name} from this household?</source>
        <translation>把 {name} 从这一户中移除？</translation>
    </message>
</context>
<context>
    <name>HouseholdsPage</name>
    <message>
        <location filename="../../village_desk/ui/households_page.py" line="61" />
        <location filename="../../village_desk/ui/households_page.py" line="82" />
        <source>Group</source>
        <translation>组</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/households_page.py" line="63" />
        <location filename="../../village_desk/ui/households_page.py" line="85" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/households_page.py" line="66" />
        <source>Paired cadre</source>
        <translation>结对干部</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/households_page.py" line="68" />
        <source>Has overdue matter</source>
        <translation>有逾期事项</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/households_page.py" line="69" />
        <source>New household…</source>
        <translation>新建户…</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/households_page.py" line="70" />
        <source>New household (Ctrl+N)</source>
        <translation>新建户（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/households_page.py" line="71" />
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/households_page.py" line="72" />
        <source>Not visited for over</source>
        <translation>超过</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/households_page.py" line="75" />
        <source> days</source>
        <translation> 天未走访</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/households_page.py" line="77" />
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/households_page.py" line="88" />
        <source>Cadre</source>
        <translation>干部</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/households_page.py" line="115" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/households_page.py" line="188" />
        <source>All cadres</source>
        <translation>全部干部</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/households_page.py" line="191" />
        <source>All groups</source>
        <translation>全部组</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/households_page.py" line="194" />
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/households_page.py" line="301" />
        <source>{n} matching households</source>
        <translation>符合条件 {n} 户</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/households_page.py" line="303" />
        <source>{n} households</source>
        <translation>共 {n} 户</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/households_page.py" line="377" />
        <source>Deleted: {what}</source>
        <translation>已删除：{what}</translation>
    </message>
</context>
<context>
    <name>LedgerPage</name>
    <message>
        <location filename="../../village_desk/ui/ledger_page.py" line="212" />
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/ledger_page.py" line="213" />
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/ledger_page.py" line="214" />
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/ledger_page.py" line="215" />
        <source>Register matter…</source>
        <translation>登记事项…</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/ledger_page.py" line="216" />
        <source>Register a matter (Ctrl+N)</source>
        <translation>登记台账事项（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/ledger_page.py" line="217" />
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/ledger_page.py" line="218" />
        <source>Month-end review…</source>
        <translation>月底销号…</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/ledger_page.py" line="224" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/ledger_page.py" line="225" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/ledger_page.py" line="226" />
        <source>Level</source>
        <translation>办理层级</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/ledger_page.py" line="227" />
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/ledger_page.py" line="228" />
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/ledger_page.py" line="240" />
        <source>Red: overdue · yellow deadline: due within a few days</source>
        <translation>红色：逾期 · 黄色时限：即将到期</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/ledger_page.py" line="321" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/ledger_page.py" line="322" />
        <source>Open (not done)</source>
        <translation>未办结</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/ledger_page.py" line="325" />
        <source>All kinds</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/ledger_page.py" line="328" />
        <source>All levels</source>
        <translation>全部层级</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/ledger_page.py" line="331" />
        <source>All cadres</source>
        <translation>全部干部</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/ledger_page.py" line="334" />
        <source>All months</source>
        <translation>全部月份</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/ledger_page.py" line="400" />
        <source>{n} matters</source>
        <translation>共 {n} 件</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../village_desk/ui/main_window.py" line="78" />
        <source>Village Desk — {village}</source>
        <translation>村务民情台账 — {village}</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/main_window.py" line="80" />
        <source>Village Desk</source>
        <translation>村务民情台账</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/main_window.py" line="91" />
        <source>Work bench</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/main_window.py" line="92" />
        <source>Households</source>
        <translation>户情</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/main_window.py" line="93" />
        <source>Visit diary</source>
        <translation>民情日记</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/main_window.py" line="94" />
        <source>Matter ledger</source>
        <translation>民情台账</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/main_window.py" line="95" />
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/main_window.py" line="96" />
        <source>Data exchange</source>
        <translation>数据交换</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/main_window.py" line="97" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/main_window.py" line="121" />
        <source>{page} (Ctrl+{n})</source>
        <translation>{page}（Ctrl+{n}）</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/main_window.py" line="127" />
        <source>Tool bar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/main_window.py" line="145" />
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/main_window.py" line="154" />
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/main_window.py" line="157" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/main_window.py" line="160" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/main_window.py" line="177" />
        <source>Data: {location}</source>
        <translation>数据位置：{location}</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/main_window.py" line="181" />
        <source>This computer: {name}</source>
        <translation>本机：{name}</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/main_window.py" line="183" />
        <source>Switch</source>
        <translation>切换</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/main_window.py" line="184" />
        <source>Choose who is entering data</source>
        <translation>选择正在录入的干部</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/main_window.py" line="189" />
        <source>Last export: {when}</source>
        <translation>上次导出：{when}</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/main_window.py" line="191" />
        <source>Not exported yet</source>
        <translation>尚未导出</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/main_window.py" line="266" />
        <source>{name}'s household is not in the list.</source>
        <translation>列表中没有找到{name}所在的户。</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/main_window.py" line="310" />
        <source>Operator: {name}</source>
        <translation>当前操作人：{name}</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/main_window.py" line="310" />
        <source>No operator chosen</source>
        <translation>未选择操作人</translation>
    </message>
</context>
<context>
    <name>MatterDialog</name>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="169" />
        <source>Register a matter</source>
        <translation>登记台账事项</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="185" />
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="192" />
        <source>If not a registered household</source>
        <translation>不是已登记的户时填写</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="215" />
        <source>Post publicly (masked)</source>
        <translation>公示（姓名电话打码）</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="216" />
        <source>Do not post</source>
        <translation>不公示</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="228" />
        <source>Applicant household</source>
        <translation>申请人所在户</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="229" />
        <source>Applicant name</source>
        <translation>申请人姓名</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="230" />
        <source>Applicant phone</source>
        <translation>申请人电话</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="231" />
        <source>Matter *</source>
        <translation>申办事项 *</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="232" />
        <source>Received</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="233" />
        <source>Channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="234" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="235" />
        <source>Service type</source>
        <translation>代办类型</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="236" />
        <source>Level</source>
        <translation>办理层级</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="237" />
        <source>Handling</source>
        <translation>办理方式</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="238" />
        <source>Deadline</source>
        <translation>办结时限</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="239" />
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="240" />
        <source>Co-handlers</source>
        <translation>协办人</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="241" />
        <source>Public notice</source>
        <translation>公示</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="296" />
        <source>Add a cadre in Settings first.</source>
        <translation>请先在“设置”中添加干部。</translation>
    </message>
</context>
<context>
    <name>MatterTableModel</name>
    <message>
        <location filename="../../village_desk/ui/ledger_model.py" line="50" />
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/ledger_model.py" line="51" />
        <source>Received</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/ledger_model.py" line="52" />
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/ledger_model.py" line="53" />
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/ledger_model.py" line="54" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/ledger_model.py" line="55" />
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/ledger_model.py" line="56" />
        <source>Deadline</source>
        <translation>办结时限</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/ledger_model.py" line="57" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/ledger_model.py" line="137" />
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/ledger_model.py" line="139" />
        <source>Due within {n} days</source>
        <translation>{n} 天内到期</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/ledger_model.py" line="177" />
        <source>{status} (overdue)</source>
        <translation>{status}（逾期）</translation>
    </message>
</context>
<context>
    <name>MatterView</name>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="322" />
        <source>← Back to list</source>
        <translation>← 返回列表</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="333" />
        <source>Next step</source>
        <translation>办理</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="336" />
        <source>No further steps: this matter is finished.</source>
        <translation>此事项已经办完，没有下一步。</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="342" />
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="343" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="344" />
        <source>Household</source>
        <translation>所在户</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="345" />
        <source>Received</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="346" />
        <source>Channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="347" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="348" />
        <source>Service type</source>
        <translation>代办类型</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="349" />
        <source>Level</source>
        <translation>办理层级</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="350" />
        <source>Handling</source>
        <translation>办理方式</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="351" />
        <source>Deadline</source>
        <translation>办结时限</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="352" />
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="353" />
        <source>Co-handlers</source>
        <translation>协办人</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="354" />
        <source>Forwarded to</source>
        <translation>上报单位</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="355" />
        <source>Result</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="356" />
        <source>Done on</source>
        <translation>办结日期</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="357" />
        <source>Return reasons</source>
        <translation>退回理由</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="358" />
        <source>Explanation</source>
        <translation>解释说明</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="359" />
        <source>Return visit</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="360" />
        <source>Closed on</source>
        <translation>销号日期</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="361" />
        <source>Public notice</source>
        <translation>公示</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="382" />
        <source>Open household</source>
        <translation>打开此户</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="383" />
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="399" />
        <source>Add a progress note (notes are never overwritten)</source>
        <translation>添加办理情况（已有记录不会被覆盖）</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="401" />
        <source>Add note</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="405" />
        <source>Progress notes</source>
        <translation>办理情况</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="453" />
        <source>Matter {number}</source>
        <translation>事项 {number}</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="457" />
        <source>{status} (overdue)</source>
        <translation>{status}（逾期）</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="503" />
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="503" />
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/matter_view.py" line="509" />
        <source>From the visit diary of {date} →</source>
        <translation>来自 {date} 的民情日记 →</translation>
    </message>
</context>
<context>
    <name>MonthEndView</name>
    <message>
        <location filename="../../village_desk/ui/ledger_page.py" line="52" />
        <source>← Back to list</source>
        <translation>← 返回列表</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/ledger_page.py" line="53" />
        <source>Month-end review</source>
        <translation>月底销号</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/ledger_page.py" line="62" />
        <source>Close (销号) matters visited back with satisfaction, visit back finished ones, and add a progress note to every open matter without one this month.</source>
        <translation>回访满意的事项销号，已办结的事项回访，本月还没有办理情况的未办结事项逐件写明进展。</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/ledger_page.py" line="70" />
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/ledger_page.py" line="70" />
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/ledger_page.py" line="70" />
        <source>Deadline</source>
        <translation>办结时限</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/ledger_page.py" line="70" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/ledger_page.py" line="75" />
        <source>Close (销号)</source>
        <translation>销号</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/ledger_page.py" line="76" />
        <source>Return visit…</source>
        <translation>回访…</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/ledger_page.py" line="77" />
        <source>Add progress note…</source>
        <translation>添加办理情况…</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/ledger_page.py" line="78" />
        <source>Open matter</source>
        <translation>打开事项</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/ledger_page.py" line="113" />
        <source>Can be closed ({n})</source>
        <translation>可以销号（{n}）</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/ledger_page.py" line="116" />
        <source>Done, awaiting return visit ({n})</source>
        <translation>已办结，待回访（{n}）</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/ledger_page.py" line="121" />
        <source>Open, no progress note this month ({n})</source>
        <translation>未办结、本月没有办理情况（{n}）</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/ledger_page.py" line="124" />
        <source>Overdue ({n})</source>
        <translation>逾期（{n}）</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/ledger_page.py" line="183" />
        <source>Progress note</source>
        <translation>办理情况</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/ledger_page.py" line="183" />
        <source>Progress of {number}:</source>
        <translation>{number} 的办理进展：</translation>
    </message>
</context>
<context>
    <name>OperatorDialog</name>
    <message>
        <location filename="../../village_desk/ui/operator.py" line="49" />
        <source>Who is working?</source>
        <translation>谁在使用？</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/operator.py" line="51" />
        <source>Choose your name. What you enter is recorded under it.</source>
        <translation>请选择您的名字。您录入的内容会记在您的名下。</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/operator.py" line="54" />
        <source>Current operator</source>
        <translation>当前操作人</translation>
    </message>
</context>
<context>
    <name>PairingDialog</name>
    <message>
        <location filename="../../village_desk/ui/household_forms.py" line="421" />
        <source>Pair a cadre</source>
        <translation>结对干部</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_forms.py" line="438" />
        <source>Cadre</source>
        <translation>干部</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_forms.py" line="440" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_forms.py" line="441" />
        <source>Start date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_forms.py" line="442" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../../village_desk/ui/household_forms.py" line="249" />
        <source>Edit member</source>
        <translation>修改家庭成员</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_forms.py" line="249" />
        <source>Add member</source>
        <translation>添加家庭成员</translation>
    </message>
</context>
<context>
    <name>PersonForm</name>
    <message>
        <location filename="../../village_desk/ui/household_forms.py" line="74" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_forms.py" line="84" />
        <source>(unknown)</source>
        <translation>（未知）</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_forms.py" line="88" />
        <location filename="../../village_desk/ui/household_forms.py" line="131" />
        <source>ID number</source>
        <translation>公民身份号码</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_forms.py" line="89" />
        <source>18 digits (last may be X); may be left empty</source>
        <translation>18位，最后一位可以是X；可以不填</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_forms.py" line="93" />
        <source>Known</source>
        <translation>已知</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_forms.py" line="102" />
        <location filename="../../village_desk/ui/household_forms.py" line="143" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_forms.py" line="106" />
        <source>Party member</source>
        <translation>党员</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_forms.py" line="123" />
        <source>Name *</source>
        <translation>姓名 *</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_forms.py" line="124" />
        <source>Relation to head</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_forms.py" line="135" />
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_forms.py" line="142" />
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_forms.py" line="144" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_forms.py" line="146" />
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_forms.py" line="147" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/household_forms.py" line="172" />
        <source>Born {date}, {gender}</source>
        <translation>出生于 {date}，{gender}</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <location filename="../../village_desk/ui/pages.py" line="36" />
        <source>This part of Village Desk is coming in a later version.</source>
        <translation>这部分功能将在以后的版本中提供。</translation>
    </message>
</context>
<context>
    <name>QuickSearchEdit</name>
    <message>
        <location filename="../../village_desk/ui/quick_search.py" line="35" />
        <source>Find: name, pinyin initials, phone, ID…</source>
        <translation>查找：姓名、拼音首字母、电话、身份证号……</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/quick_search.py" line="36" />
        <source>Quick search (Ctrl+F)</source>
        <translation>快速查找（Ctrl+F）</translation>
    </message>
</context>
<context>
    <name>RaisedItemRow</name>
    <message>
        <location filename="../../village_desk/ui/diary_editor.py" line="92" />
        <source>What was raised</source>
        <translation>群众反映的问题</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_editor.py" line="93" />
        <source>Raised item</source>
        <translation>反映的问题</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_editor.py" line="95" />
        <source>Solved on the spot</source>
        <translation>当场解决</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_editor.py" line="96" />
        <source>Turn into a ledger matter</source>
        <translation>转入台账</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_editor.py" line="98" />
        <source>How it was solved</source>
        <translation>怎样解决的</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_editor.py" line="100" />
        <source>(kind)</source>
        <translation>（事项类别）</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/diary_editor.py" line="103" />
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>SearchHitModel</name>
    <message>
        <location filename="../../village_desk/ui/models.py" line="220" />
        <source>{name} ({relation})</source>
        <translation>{name}（{relation}）</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/models.py" line="223" />
        <source>No. {number}</source>
        <translation>户号 {number}</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="140" />
        <source>Village</source>
        <translation>村庄信息</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="141" />
        <source>Groups</source>
        <translation>村民小组</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="142" />
        <source>Cadres</source>
        <translation>干部</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="143" />
        <source>Vocabularies</source>
        <translation>词表</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="144" />
        <source>Deadlines and duty days</source>
        <translation>时限和值班</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="145" />
        <source>Contact card</source>
        <translation>联系卡</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="146" />
        <source>Display</source>
        <translation>界面</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="149" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="172" />
        <source>Village (community) *</source>
        <translation>村（社区）名称 *</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="173" />
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="174" />
        <source>County</source>
        <translation>县（市、区）</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="175" />
        <source>Division code (12 digits)</source>
        <translation>统计用区划代码（12位）</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="176" />
        <source>Service station phone</source>
        <translation>村服务站电话</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="177" />
        <source>Secretary mailbox / hotline</source>
        <translation>书记信箱/专线电话</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="184" />
        <location filename="../../village_desk/ui/settings_page.py" line="304" />
        <location filename="../../village_desk/ui/settings_page.py" line="323" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="196" />
        <source>Add group…</source>
        <translation>添加小组…</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="197" />
        <location filename="../../village_desk/ui/settings_page.py" line="240" />
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="198" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="212" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="213" />
        <source>Role</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="214" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="215" />
        <source>Duties</source>
        <translation>职责</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="216" />
        <source>Active</source>
        <translation>在用</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="223" />
        <source>Add cadre…</source>
        <translation>添加干部…</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="224" />
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="239" />
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="241" />
        <source>Retire / reinstate</source>
        <translation>停用/恢复</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="243" />
        <source>Retired entries are no longer offered for new records; old records keep them.</source>
        <translation>停用的条目不再供新记录选择；已有记录保持不变。</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="252" />
        <source>List</source>
        <translation>词表</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="270" />
        <source>Default deadline (days) by matter kind</source>
        <translation>各类事项默认办结时限（天）</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="271" />
        <source>Other / no kind</source>
        <translation>其他/未分类</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="274" />
        <location filename="../../village_desk/ui/settings_page.py" line="279" />
        <location filename="../../village_desk/ui/settings_page.py" line="282" />
        <source> days</source>
        <translation> 天未走访</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="285" />
        <source>Highlight matters due within</source>
        <translation>提前提醒到期天数</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="286" />
        <source>Households long unvisited after</source>
        <translation>多久未走访算长期未走访</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="287" />
        <source>Monthly minimum visits per cadre</source>
        <translation>每位干部每月最低走访户次</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="291" />
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="292" />
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="293" />
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="294" />
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="295" />
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="296" />
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="297" />
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="303" />
        <source>Duty days (一线工作日)</source>
        <translation>一线工作日</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="320" />
        <source>Slogan</source>
        <translation>标语</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="321" />
        <source>Policy publicity text</source>
        <translation>政策宣传内容</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="322" />
        <source>Service items (one per line)</source>
        <translation>代办事项清单（每行一项）</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="336" />
        <source>Large font (easier to read)</source>
        <translation>大字体（看得更清楚）</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="337" />
        <location filename="../../village_desk/ui/settings_page.py" line="562" />
        <source>A new language applies after restarting.</source>
        <translation>新的界面语言在重新启动后生效。</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="340" />
        <location filename="../../village_desk/ui/settings_page.py" line="562" />
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="388" />
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="388" />
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="413" />
        <source> (retired)</source>
        <translation>（已停用）</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="437" />
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="443" />
        <source>Add group</source>
        <translation>添加村民小组</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="443" />
        <location filename="../../village_desk/ui/settings_page.py" line="454" />
        <source>Group name:</source>
        <translation>组名：</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="454" />
        <source>Rename group</source>
        <translation>重命名村民小组</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="486" />
        <source>Add entry</source>
        <translation>添加条目</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="486" />
        <location filename="../../village_desk/ui/settings_page.py" line="500" />
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/settings_page.py" line="500" />
        <source>Rename entry</source>
        <translation>重命名条目</translation>
    </message>
</context>
<context>
    <name>StatsPage</name>
    <message>
        <location filename="../../village_desk/ui/stats_page.py" line="38" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/stats_page.py" line="40" />
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/stats_page.py" line="144" />
        <source>Visits per month, last 12 months (household-times)</source>
        <translation>近12个月每月走访户次</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/stats_page.py" line="146" />
        <location filename="../../village_desk/ui/stats_page.py" line="152" />
        <source>Visits</source>
        <translation>户次</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/stats_page.py" line="148" />
        <source>Matters by status</source>
        <translation>各状态事项</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/stats_page.py" line="150" />
        <source>Visits per cadre this year</source>
        <translation>今年各干部走访</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/stats_page.py" line="152" />
        <source>Households visited</source>
        <translation>走访户数</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/stats_page.py" line="154" />
        <source>Matters by kind</source>
        <translation>各类别事项</translation>
    </message>
</context>
<context>
    <name>Widgets</name>
    <message>
        <location filename="../../village_desk/ui/widgets.py" line="118" />
        <source>Could not save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <location filename="../../village_desk/ui/widgets.py" line="144" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>