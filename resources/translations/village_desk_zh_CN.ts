<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <source>Village Desk</source>
        <translation>村务民情台账</translation>
    </message>
    <message>
        <source>Cannot open the data</source>
        <translation>无法打开数据</translation>
    </message>
    <message>
        <source>Data location: {url}</source>
        <translation>数据位置：{url}</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>出错了</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Needs attention</source>
        <translation>需要关注</translation>
    </message>
    <message>
        <source>Overdue matters</source>
        <translation>逾期事项</translation>
    </message>
    <message>
        <source>Matters due soon</source>
        <translation>即将到期事项</translation>
    </message>
    <message>
        <source>Done, awaiting return visit</source>
        <translation>已办结待回访</translation>
    </message>
    <message>
        <source>Open matters</source>
        <translation>未办结事项</translation>
    </message>
    <message>
        <source>Households never visited</source>
        <translation>从未走访的户</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>总户数</translation>
    </message>
    <message>
        <source>Households not visited for {days} days</source>
        <translation>超过 {days} 天未走访的户</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The database could not be opened or read. The file may be damaged: run “village-desk check” or restore a backup.</source>
        <translation>无法打开或读取数据库，文件可能已损坏。请运行“village-desk check”检查，或从备份恢复。</translation>
    </message>
    <message>
        <source>The data folder could not be used: {reason}</source>
        <translation>无法使用数据文件夹：{reason}</translation>
    </message>
    <message>
        <source>An unexpected error occurred: {reason}</source>
        <translation>发生了意外错误：{reason}</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to Village Desk</source>
        <translation>欢迎使用村务民情台账</translation>
    </message>
    <message>
        <source>This computer has no village data yet. Enter your village, then choose whether to start with demonstration data to try things out.</source>
        <translation>这台电脑上还没有村里的数据。请先填写村庄信息，再选择是否载入示范数据试用。</translation>
    </message>
    <message>
        <source>e.g. Taohua Village</source>
        <translation>例如：桃花村</translation>
    </message>
    <message>
        <source>Village name</source>
        <translation>村名</translation>
    </message>
    <message>
        <source>Village (community) *</source>
        <translation>村（社区）名称 *</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>County</source>
        <translation>县（市、区）</translation>
    </message>
    <message>
        <source>Load demonstration data</source>
        <translation>载入示范数据</translation>
    </message>
    <message>
        <source>Start empty</source>
        <translation>从空白开始</translation>
    </message>
    <message>
        <source> households</source>
        <translation> 户</translation>
    </message>
    <message>
        <source>Demonstration data are invented households, visits and matters. Use a separate data folder for real work.</source>
        <translation>示范数据中的户、走访和事项都是虚构的。正式工作请使用单独的数据文件夹。</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始使用</translation>
    </message>
    <message>
        <source>Please enter the name of the village (community); it appears on cards and reports.</source>
        <translation>请填写村（社区）名称，联系卡和报表上都会用到。</translation>
    </message>
    <message>
        <source>Creating demonstration data…</source>
        <translation>正在生成示范数据……</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Creating demonstration data: {stage}</source>
        <translation>正在生成示范数据：{stage}</translation>
    </message>
    <message>
        <source>The demonstration data could not be created: {reason}</source>
        <translation>未能生成示范数据：{reason}</translation>
    </message>
</context>
<context>
    <name>HouseholdTableModel</name>
    <message>
        <source>Household no.</source>
        <translation>户号</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>组</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Paired cadres</source>
        <translation>结对干部</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>最近走访</translation>
    </message>
    <message>
        <source>Open matters</source>
        <translation>未办结事项</translation>
    </message>
    <message>
        <source>{n} overdue</source>
        <translation>其中 {n} 件已逾期</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未走访</translation>
    </message>
    <message>
        <source>{n} ({overdue} overdue)</source>
        <translation>{n}（逾期 {overdue}）</translation>
    </message>
</context>
<context>
    <name>HouseholdsPage</name>
    <message>
        <source>Group</source>
        <translation>组</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Not visited for over</source>
        <translation>超过</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天未走访</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>全部组</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>{n} matching households</source>
        <translation>符合条件 {n} 户</translation>
    </message>
    <message>
        <source>{n} households</source>
        <translation>共 {n} 户</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Village Desk — {village}</source>
        <translation>村务民情台账 — {village}</translation>
    </message>
    <message>
        <source>Village Desk</source>
        <translation>村务民情台账</translation>
    </message>
    <message>
        <source>Work bench</source>
        <translation>工作台</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>户情</translation>
    </message>
    <message>
        <source>Visit diary</source>
        <translation>民情日记</translation>
    </message>
    <message>
        <source>Matter ledger</source>
        <translation>民情台账</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Data exchange</source>
        <translation>数据交换</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>{page} (Ctrl+{n})</source>
        <translation>{page}（Ctrl+{n}）</translation>
    </message>
    <message>
        <source>Tool bar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Data: {location}</source>
        <translation>数据位置：{location}</translation>
    </message>
    <message>
        <source>This computer: {name}</source>
        <translation>本机：{name}</translation>
    </message>
    <message>
        <source>{name}&apos;s household is not in the list.</source>
        <translation>列表中没有找到{name}所在的户。</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>This part of Village Desk is coming in a later version.</source>
        <translation>这部分功能将在以后的版本中提供。</translation>
    </message>
</context>
<context>
    <name>QuickSearchEdit</name>
    <message>
        <source>Find: name, pinyin initials, phone, ID…</source>
        <translation>查找：姓名、拼音首字母、电话、身份证号……</translation>
    </message>
    <message>
        <source>Quick search (Ctrl+F)</source>
        <translation>快速查找（Ctrl+F）</translation>
    </message>
</context>
<context>
    <name>SearchHitModel</name>
    <message>
        <source>{name} ({relation})</source>
        <translation>{name}（{relation}）</translation>
    </message>
    <message>
        <source>No. {number}</source>
        <translation>户号 {number}</translation>
    </message>
</context>
</TS>
