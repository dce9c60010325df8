<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountDialog</name>
    <message>
        <source>Add Distribution Account</source>
        <translation>添加分销账号</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>1688 &amp;member id:</source>
        <translation>1688会员ID(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Connector:</source>
        <translation>连接方式(&amp;C)：</translation>
    </message>
    <message>
        <source>The account you buy from suppliers with on 1688 (分销账号). The app keeps only its name and member id; passwords stay with 1688.</source>
        <translation>您在1688上向供应商采购所用的账号（分销账号）。本软件只保存名称和会员ID，密码只留在1688。</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Reconnect needed</source>
        <translation>需要重新连接</translation>
    </message>
    <message>
        <source>Not authorised yet</source>
        <translation>尚未授权</translation>
    </message>
    <message>
        <source>Not connected (manual)</source>
        <translation>未连接（手动方式）</translation>
    </message>
    <message>
        <source>1688 Accounts</source>
        <translation>1688 账号</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>1688 member</source>
        <translation>1688 会员</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接状态</translation>
    </message>
    <message>
        <source>App key</source>
        <translation>App Key</translation>
    </message>
    <message>
        <source>&amp;Connect an Account…</source>
        <translation>连接账号(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Reconnect…</source>
        <translation>重新连接(&amp;R)…</translation>
    </message>
    <message>
        <source>Re&amp;move Connection</source>
        <translation>移除连接(&amp;M)</translation>
    </message>
    <message>
        <source>With an app key from the 1688 open platform the app fetches your 1688 orders, cancels, refunds and (with the permission) places orders itself. Without one everything works by hand: import 1688 exports and act on 1688 in the browser.</source>
        <translation>有了 1688 开放平台的 App Key，软件可以自动获取 1688 订单、取消订单、申请退款，（有下单权限时）还能自动下单。没有也完全可以手动操作：导入 1688 导出的订单文件，在浏览器中于 1688 上操作。</translation>
    </message>
    <message>
        <source>{status} (token until {time})</source>
        <translation>{status}（授权有效至 {time}）</translation>
    </message>
    <message>
        <source>{status}, from the environment</source>
        <translation>{status}，来自环境变量</translation>
    </message>
    <message>
        <source>No distribution account yet: connect one to start.</source>
        <translation>还没有分销账号：请先连接一个。</translation>
    </message>
    <message>
        <source>Remove Connection</source>
        <translation>移除连接</translation>
    </message>
    <message>
        <source>Forget the app key, secret and authorisation of “{name}”? The account and its orders stay; it then works by hand (manual connector).</source>
        <translation>要删除“{name}”的 App Key、App Secret 和授权吗？账号及其订单会保留，之后改为手动方式操作。</translation>
    </message>
</context>
<context>
    <name>AfterSalesImportDialog</name>
    <message>
        <source>Import after-sales cases</source>
        <translation>导入售后单</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>选择文件(&amp;C)…</translation>
    </message>
    <message>
        <source>Any shop</source>
        <translation>所有店铺</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Pinduoduo 售后信息, Taobao and Douyin refund lists are recognised by their column names; for other layouts choose the columns below. Rows are matched to orders by order number; any problem rejects the whole file.</source>
        <translation>拼多多“售后信息”、淘宝和抖店的退款列表按列名自动识别；其他格式请在下方选择对应的列。每行按订单号匹配订单；只要有一处问题，整个文件都不导入。</translation>
    </message>
    <message>
        <source>After-sales export</source>
        <translation>售后导出文件</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xls *.csv);;All files (*)</source>
        <translation>表格文件 (*.xlsx *.xls *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>{rows} row(s) read: {new} new case(s), {updated} to update.</source>
        <translation>已读取 {rows} 行：新增售后单 {new} 个，更新 {updated} 个。</translation>
    </message>
    <message>
        <source>{count} problem(s); nothing will be imported until they are fixed:</source>
        <translation>发现 {count} 处问题；改正之前不会导入任何内容：</translation>
    </message>
</context>
<context>
    <name>AfterSalesOpen</name>
    <message>
        <source>After-sales case…</source>
        <translation>售后…</translation>
    </message>
    <message>
        <source>Open an after-sales case (售后) on this order</source>
        <translation>为此订单新建售后单</translation>
    </message>
</context>
<context>
    <name>AfterSalesQueue</name>
    <message>
        <source>{d} d {h} h</source>
        <translation>{d}天{h}小时</translation>
    </message>
    <message>
        <source>{h} h {m} min</source>
        <translation>{h}小时{m}分</translation>
    </message>
    <message>
        <source>{m} min</source>
        <translation>{m}分钟</translation>
    </message>
    <message>
        <source>Overdue {}</source>
        <translation>已超时 {}</translation>
    </message>
    <message>
        <source>sent, answer not recorded</source>
        <translation>已提交，结果未记录</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已完结</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation>店铺订单号</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>售后类型</translation>
    </message>
    <message>
        <source>Buyer side</source>
        <translation>买家端</translation>
    </message>
    <message>
        <source>Supplier side</source>
        <translation>供应商端</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Asked</source>
        <translation>申请金额</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>已退买家</translation>
    </message>
    <message>
        <source>Recovered</source>
        <translation>供应商已退</translation>
    </message>
    <message>
        <source>Net loss</source>
        <translation>净损失</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <source>Platform case no.</source>
        <translation>平台售后编号</translation>
    </message>
</context>
<context>
    <name>AfterSalesView</name>
    <message>
        <source>Export after-sales cases</source>
        <translation>导出售后单</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>{count} case(s) exported to {path}</source>
        <translation>已导出 {count} 个售后单到 {path}</translation>
    </message>
    <message>
        <source>Blacklisted buyer</source>
        <translation>黑名单买家</translation>
    </message>
    <message>
        <source>The buyer of order {number} is on a blacklist. Refund this buyer anyway?</source>
        <translation>订单 {number} 的买家在黑名单上。仍要给这位买家退款吗？</translation>
    </message>
    <message>
        <source>Fraud checks that fired: {rules}</source>
        <translation>触发的防骗规则：{rules}</translation>
    </message>
    <message>
        <source>Refund anyway</source>
        <translation>仍然退款</translation>
    </message>
    <message>
        <source>Do not refund</source>
        <translation>不退款</translation>
    </message>
    <message>
        <source>Reply copied to the clipboard.</source>
        <extracomment>The dashboard&apos;s to-do cards open this view by this key (``ui/dashboard/navigation``). Made on the first call to 1688 over the network (check / withdraw an application).</extracomment>
        <translation>回复已复制到剪贴板。</translation>
    </message>
    <message>
        <source>After-sales</source>
        <translation>售后</translation>
    </message>
    <message>
        <source>Order number…</source>
        <translation>订单号…</translation>
    </message>
    <message>
        <source>&amp;Overdue only</source>
        <translation>只看超时(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;State</source>
        <translation>状态(&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;hop</source>
        <translation>店铺(&amp;H)</translation>
    </message>
    <message>
        <source>Su&amp;pplier</source>
        <translation>供应商(&amp;P)</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Import the platform&apos;s after-sales export</source>
        <translation>导入平台导出的售后文件</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Export every case</source>
        <translation>导出全部售后单</translation>
    </message>
    <message>
        <source>Templates…</source>
        <translation>回复模板…</translation>
    </message>
    <message>
        <source>Edit the reply templates</source>
        <translation>编辑回复模板</translation>
    </message>
    <message>
        <source>Response windows…</source>
        <translation>处理时限…</translation>
    </message>
    <message>
        <source>Hours each platform gives you to answer, per kind</source>
        <translation>各平台按售后类型给您的处理时限（小时）</translation>
    </message>
    <message>
        <source>Next buyer step</source>
        <translation>买家端下一步</translation>
    </message>
    <message>
        <source>Next supplier step</source>
        <translation>供应商端下一步</translation>
    </message>
    <message>
        <source>Log contact…</source>
        <translation>记录联系…</translation>
    </message>
    <message>
        <source>Copy reply</source>
        <translation>复制回复</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已完结</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Buyer: {}</source>
        <translation>买家：{}</translation>
    </message>
    <message>
        <source>All shops</source>
        <translation>全部店铺</translation>
    </message>
    <message>
        <source>All suppliers</source>
        <translation>全部供应商</translation>
    </message>
    <message>
        <source>{count} case(s)</source>
        <translation>{count} 个售后单</translation>
    </message>
    <message>
        <source>{n} overdue on this page</source>
        <translation>本页 {n} 个已超时</translation>
    </message>
    <message>
        <source>{cases} case(s): refunded to buyers {refunded} · recovered from suppliers {recovered} · net loss {loss}</source>
        <translation>{cases} 个售后单：退给买家 {refunded} · 供应商退回 {recovered} · 净损失 {loss}</translation>
    </message>
    <message>
        <source>Withdraw the application</source>
        <translation>撤销退款申请</translation>
    </message>
    <message>
        <source>Withdraw refund application {refund} for 1688 order {order}? The supplier is no longer asked for this money; you can ask again later.</source>
        <translation>撤销 1688 订单 {order} 的退款申请 {refund}？撤销后不再向供应商要这笔钱，之后仍可重新申请。</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Asking 1688…</source>
        <translation>正在查询 1688…</translation>
    </message>
</context>
<context>
    <name>AmountsDialog</name>
    <message>
        <source>Amounts of the case</source>
        <translation>售后金额</translation>
    </message>
    <message>
        <source>Asked back</source>
        <translation>申请金额</translation>
    </message>
    <message>
        <source>Refunded to the buyer</source>
        <translation>已退买家</translation>
    </message>
    <message>
        <source>Recovered from the supplier</source>
        <translation>供应商已退</translation>
    </message>
    <message>
        <source>Extra cost (postage, part, repair)</source>
        <translation>额外成本（运费、配件、维修）</translation>
    </message>
    <message>
        <source>The goods were faulty (counts against the supplier)</source>
        <translation>商品有质量问题（计入供应商的质量记录）</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>Before an update</source>
        <translation>升级前</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>{} KB</source>
        <translation>{} KB</translation>
    </message>
    <message>
        <source>{} MB</source>
        <translation>{} MB</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>The file that should hold your orders and suppliers is not a Dropship Desktop database:
{path}</source>
        <translation>存放订单和供应商的文件不是一件代发助手的数据库：
{path}</translation>
    </message>
    <message>
        <source>Your database is damaged and cannot be used safely:
{path}</source>
        <translation>数据库已损坏，无法安全使用：
{path}</translation>
    </message>
    <message>
        <source>It will not be changed or deleted: it is moved into the &quot;damaged&quot; folder next to it, so that it can still be examined or repaired later.</source>
        <translation>该文件不会被修改或删除：它会被移到旁边的“damaged”文件夹中，以便日后检查或修复。</translation>
    </message>
    <message>
        <source>The newest good backup is from {date} and holds {orders} orders. Open it to carry on from there; changes made after it are not in it.</source>
        <translation>最新的完好备份创建于 {date}，包含 {orders} 个订单。打开它即可从那时继续；之后所做的修改不在其中。</translation>
    </message>
    <message>
        <source>There is no good backup. You can start with an empty database, or quit and ask for help first.</source>
        <translation>没有完好的备份。您可以从空数据库开始，或先退出并寻求帮助。</translation>
    </message>
    <message>
        <source>Database damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <source>Open the Backup</source>
        <translation>打开备份</translation>
    </message>
    <message>
        <source>Start Empty</source>
        <translation>从空数据库开始</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>A backup is made automatically when the app starts (once a day) and 30 minutes after you change something. Every backup is checked before it is kept. Backups are in: {folder}</source>
        <translation>软件启动时（每天一次）以及修改数据 30 分钟后会自动备份。每个备份在保存前都会经过校验。备份位置：{folder}</translation>
    </message>
    <message>
        <source>Back Up Now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Back Up to File…</source>
        <translation>备份到文件…</translation>
    </message>
    <message>
        <source>Restore Selected…</source>
        <translation>恢复所选备份…</translation>
    </message>
    <message>
        <source>Restore from File…</source>
        <translation>从文件恢复…</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>There are no backups yet.</source>
        <translation>暂无备份。</translation>
    </message>
    <message>
        <source>Back Up to File</source>
        <translation>备份到文件</translation>
    </message>
    <message>
        <source>Backups (*.db)</source>
        <translation>备份文件 (*.db)</translation>
    </message>
    <message>
        <source>Making a backup…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Backup made and checked: {orders} orders, {size}. {path}</source>
        <translation>备份完成并已校验：{orders} 个订单，{size}。{path}</translation>
    </message>
    <message>
        <source>Restore from File</source>
        <translation>从文件恢复</translation>
    </message>
    <message>
        <source>Backups (*.db);;All files (*)</source>
        <translation>备份文件 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Restore Backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Replace all current data with the backup {backup}?

The current data is backed up first, so this can be undone by restoring that backup.</source>
        <translation>用备份 {backup} 替换当前的全部数据吗？

会先备份当前数据，之后恢复该备份即可撤销此操作。</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>正在检查备份文件…</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>正在恢复备份…</translation>
    </message>
    <message>
        <source>The backup was restored.</source>
        <translation>备份已恢复。</translation>
    </message>
    <message>
        <source>Something went wrong; see the log file.</source>
        <translation>出错了，请查看日志文件。</translation>
    </message>
</context>
<context>
    <name>BuyerStepDialog</name>
    <message>
        <source>Buyer side: {}</source>
        <translation>买家端：{}</translation>
    </message>
    <message>
        <source>Amount refunded to the buyer</source>
        <translation>退给买家的金额</translation>
    </message>
    <message>
        <source>The buyer&apos;s return tracking no.</source>
        <translation>买家退货运单号</translation>
    </message>
    <message>
        <source>Tracking no. of what was sent</source>
        <translation>寄出的运单号</translation>
    </message>
    <message>
        <source>Extra cost (postage, part, repair)</source>
        <translation>额外成本（运费、配件、维修）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>CancelWizard</name>
    <message>
        <source>Sign in to the Alibaba distribution page</source>
        <extracomment>English step names (identical to ``CancelStep.title_en``; a test keeps them in step).</extracomment>
        <translation>登录阿里巴巴分销页面</translation>
    </message>
    <message>
        <source>Open the order management page</source>
        <translation>进入订单管理页面</translation>
    </message>
    <message>
        <source>Select the orders to cancel</source>
        <translation>选择需要取消的订单</translation>
    </message>
    <message>
        <source>Click the cancel-order button</source>
        <translation>点击取消订单按钮</translation>
    </message>
    <message>
        <source>Fill in the cancellation reason</source>
        <translation>填写取消原因</translation>
    </message>
    <message>
        <source>Submit the cancellation request</source>
        <translation>提交取消申请</translation>
    </message>
    <message>
        <source>Choose the distribution account to use.</source>
        <translation>请选择要使用的分销账号。</translation>
    </message>
    <message>
        <source>Sign in on the 1688 page that was opened, then confirm here.</source>
        <translation>请在已打开的1688页面上登录，然后在这里确认。</translation>
    </message>
    <message>
        <source>The account&apos;s orders are being loaded.</source>
        <translation>正在加载该账号的订单。</translation>
    </message>
    <message>
        <source>This account has no supplier orders to cancel.</source>
        <translation>该账号没有可取消的1688订单。</translation>
    </message>
    <message>
        <source>Select at least one order to cancel.</source>
        <translation>请至少选择一个要取消的订单。</translation>
    </message>
    <message>
        <source>None of the selected orders can be cancelled here; see each order&apos;s note.</source>
        <translation>所选订单都无法在此取消，请查看各订单的说明。</translation>
    </message>
    <message>
        <source>Choose why the unpaid orders are closed.</source>
        <translation>请选择关闭未付款订单的原因。</translation>
    </message>
    <message>
        <source>With the reason “Other”, say in the remark what it is.</source>
        <translation>原因选择“其它”时，请在备注中写明具体原因。</translation>
    </message>
    <message>
        <source>The remark has {count} characters; at most {max} are allowed.</source>
        <translation>备注有 {count} 个字，最多允许 {max} 个字。</translation>
    </message>
    <message>
        <source>Choose a refund reason.</source>
        <translation>请选择退款原因。</translation>
    </message>
    <message>
        <source>The chosen refund reason is not offered for this order; choose another.</source>
        <translation>该订单不支持所选的退款原因，请另选一个。</translation>
    </message>
    <message>
        <source>Describe the refund in at least {min} characters.</source>
        <translation>退款说明至少需要 {min} 个字。</translation>
    </message>
    <message>
        <source>The description has {count} characters; 1688 accepts at most {max}.</source>
        <translation>退款说明有 {count} 个字，1688最多接受 {max} 个字。</translation>
    </message>
    <message>
        <source>The reason “{reason}” needs evidence: add 1 to {max} images.</source>
        <translation>原因“{reason}”需要上传凭证：请添加 1 至 {max} 张图片。</translation>
    </message>
    <message>
        <source>At most {max} evidence images can be attached.</source>
        <translation>最多可上传 {max} 张凭证图片。</translation>
    </message>
    <message>
        <source>The refund reasons of this order are not loaded yet.</source>
        <translation>该订单的退款原因尚未加载。</translation>
    </message>
    <message>
        <source>This order is not in the account&apos;s list.</source>
        <extracomment>Why an order cannot be selected in step 3 when it is not among the account&apos;s orders.</extracomment>
        <translation>此订单不在该账号的订单列表中。</translation>
    </message>
    <message>
        <source>Sign in to 1688 in the browser window that opened, then confirm here.</source>
        <translation>请在已打开的浏览器窗口中登录1688，然后在这里确认。</translation>
    </message>
    <message>
        <source>Open https://login.1688.com/ in your browser, sign in, then confirm here.</source>
        <translation>请在浏览器中打开 https://login.1688.com/ 并登录，然后在这里确认。</translation>
    </message>
    <message>
        <source>Signing in failed.</source>
        <translation>登录失败。</translation>
    </message>
    <message>
        <source>You are not signed in to 1688 yet.</source>
        <translation>您尚未登录1688。</translation>
    </message>
    <message>
        <source>Sign in to the distribution account.</source>
        <translation>请登录分销账号。</translation>
    </message>
    <message>
        <source>Not done on 1688 (the seller did not confirm it).</source>
        <translation>未在1688上完成（卖家未确认）。</translation>
    </message>
    <message>
        <source>Nothing was confirmed for this order; do it on 1688 and confirm.</source>
        <translation>该订单尚未确认，请在1688上操作后再确认。</translation>
    </message>
    <message>
        <source>1688 could not be reached; nothing was sent.</source>
        <translation>无法连接1688，未发送任何请求。</translation>
    </message>
    <message>
        <source>Not done on 1688.</source>
        <translation>未在1688上完成。</translation>
    </message>
    <message>
        <source>The connection was lost while sending; check on 1688 whether the order was cancelled, then say what happened.</source>
        <translation>发送时连接中断：请到 1688 查看该订单是否已取消，然后在这里说明结果。</translation>
    </message>
    <message>
        <source>The app stopped before this was sent to 1688. Check the order on 1688, then say whether it was done.</source>
        <translation>软件在发送到1688之前已停止。请在1688上查看该订单，然后告诉我们是否已完成。</translation>
    </message>
    <message>
        <source>The app stopped while this was being sent to 1688. Check the order on 1688, then say whether it was done.</source>
        <translation>软件在发送到1688的过程中停止了。请在1688上查看该订单，然后告诉我们是否已完成。</translation>
    </message>
    <message>
        <source>Stopped before sending: nothing was sent to 1688.</source>
        <translation>已在发送前停止：未向1688发送任何请求。</translation>
    </message>
    <message>
        <source>{order}: {text}</source>
        <extracomment>&quot;{order}: {text}&quot; — a problem about one order, named.</extracomment>
        <translation>{order}：{text}</translation>
    </message>
    <message>
        <source>Not cancellable: shipped or received. Use an after-sales return/refund instead.</source>
        <translation>无法取消：已发货或已收货。请改走售后退货/退款。</translation>
    </message>
    <message>
        <source>Already closed on 1688; nothing to do.</source>
        <translation>1688上已关闭，无需操作。</translation>
    </message>
    <message>
        <source>Unknown 1688 status ({status}); check the order on 1688.</source>
        <translation>未知的1688状态（{status}），请在1688上查看该订单。</translation>
    </message>
    <message>
        <source>Too soon: created less than 10 seconds ago; 1688 accepts the close in {seconds} s (step 6 waits for it).</source>
        <translation>操作过快：订单创建不足 10 秒，1688将在 {seconds} 秒后接受关闭（第6步会自动等待）。</translation>
    </message>
    <message>
        <source>The 1688 order id is not known; link or import the 1688 order first.</source>
        <translation>缺少1688订单号，请先关联或导入该1688订单。</translation>
    </message>
    <message>
        <source>A cancellation or refund for this order is already under way.</source>
        <translation>该订单已有进行中的取消或退款申请。</translation>
    </message>
    <message>
        <source>Close the order (unpaid)</source>
        <translation>关闭订单（未付款）</translation>
    </message>
    <message>
        <source>Refund application (paid, not shipped)</source>
        <translation>申请退款（已付款，未发货）</translation>
    </message>
    <message>
        <source>Closed on 1688</source>
        <translation>已在1688关闭</translation>
    </message>
    <message>
        <source>Refund requested: waiting for the supplier</source>
        <translation>已申请退款：等待供应商处理</translation>
    </message>
    <message>
        <source>Skipped: {}</source>
        <translation>已跳过：{}</translation>
    </message>
    <message>
        <source>Interrupted: {}</source>
        <translation>已中断：{}</translation>
    </message>
    <message>
        <source>The supplier&apos;s lead time was longer than the time left to the shop&apos;s ship-by deadline. Choose offers that ship in time, or promise a later dispatch in the listing.</source>
        <translation>供应商的发货时效超过了店铺最晚发货时间前的剩余时间。请选择能按时发货的货源，或在商品页上承诺更晚的发货时间。</translation>
    </message>
    <message>
        <source>The product description is incomplete. Clear product information (size, material, specifications) keeps buyers from cancelling or returning.</source>
        <translation>商品描述不完整。清晰的商品信息（尺寸、材质、规格）可以减少买家取消订单或退货。</translation>
    </message>
    <message>
        <source>The supplier ran out of stock. Check the offer&apos;s stock before listing and keep a second supplier for products that sell well.</source>
        <translation>供应商缺货。上架前请核实货源库存，畅销商品要准备备用供应商。</translation>
    </message>
    <message>
        <source>The buyer cancelled. Answer buyers&apos; questions quickly: unanswered questions lead to cancellations.</source>
        <translation>买家取消了订单。请及时回复买家咨询：问题得不到回复会导致取消订单。</translation>
    </message>
    <message>
        <source>The supplier order was still unpaid after the buyer had paid. Pay supplier orders promptly so the supplier ships in time.</source>
        <translation>买家付款后，1688订单仍未付款。请及时支付1688订单，以便供应商按时发货。</translation>
    </message>
    <message>
        <source>the title is short</source>
        <extracomment>What a listing lacks, briefly (codes of ``domain.sourcing.description_completeness``), for the &quot;description incomplete&quot; advice.</extracomment>
        <translation>标题过短</translation>
    </message>
    <message>
        <source>no SKU</source>
        <translation>没有SKU</translation>
    </message>
    <message>
        <source>no sale price</source>
        <translation>没有售价</translation>
    </message>
    <message>
        <source>no specifications</source>
        <translation>没有规格</translation>
    </message>
    <message>
        <source>the description is short</source>
        <translation>描述过短</translation>
    </message>
    <message>
        <source>no size, material or colour</source>
        <translation>没有尺寸、材质或颜色</translation>
    </message>
    <message>
        <source>Cancel Orders (取消订单)</source>
        <extracomment>The size the wizard asks for when the screen has room. Room left for the window&apos;s title bar and border, which the client size does not include. Made for the first call of a connector that talks to 1688 over the network.</extracomment>
        <translation>取消订单</translation>
    </message>
    <message>
        <source>Stop cancelling?</source>
        <translation>停止取消吗？</translation>
    </message>
    <message>
        <source>Requests already sent to 1688 cannot be undone by closing this window.</source>
        <translation>已发送到1688的请求不会因关闭此窗口而撤销。</translation>
    </message>
    <message numerus="yes">
        <source>If you stop now, the order being sent finishes; the %n order(s) not sent yet are recorded as not sent, and you can cancel them again later. An order whose 1688 page is open without your answer is kept for you to check.</source>
        <translation>
            <numerusform>如果现在停止，正在发送的订单会继续完成；尚未发送的 %n 个订单会记录为“未发送”，您以后可以再次取消。已打开1688页面但尚未确认的订单会保留，等待您核实。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>继续(&amp;C)</translation>
    </message>
    <message>
        <source>Cancel Orders</source>
        <translation>取消订单</translation>
    </message>
    <message>
        <source>Manual: you act on 1688 in the browser and confirm here</source>
        <translation>手动：在浏览器中操作1688，然后在这里确认</translation>
    </message>
    <message>
        <source>Test connector: a simulated 1688 (no real orders change)</source>
        <translation>测试连接：模拟的1688（不会改动真实订单）</translation>
    </message>
    <message>
        <source>1688 Open Platform: the app acts through the API</source>
        <translation>1688 开放平台：软件通过 API 自动操作</translation>
    </message>
    <message>
        <source>Failed: {}</source>
        <translation>失败：{}</translation>
    </message>
</context>
<context>
    <name>CaseDetail</name>
    <message>
        <source>&amp;Agree…</source>
        <extracomment>Step buttons per row of a side&apos;s grid. Supplier-side states whose refund application may still move on 1688.</extracomment>
        <translation>同意(&amp;A)…</translation>
    </message>
    <message>
        <source>Re&amp;fuse…</source>
        <translation>拒绝(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Goods came back…</source>
        <translation>已收到退货(&amp;G)…</translation>
    </message>
    <message>
        <source>Refund the &amp;buyer…</source>
        <translation>退款给买家(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Close the case…</source>
        <translation>关闭售后(&amp;C)…</translation>
    </message>
    <message>
        <source>Replacement &amp;sent…</source>
        <translation>已寄出换货(&amp;S)…</translation>
    </message>
    <message>
        <source>Part re-&amp;shipped…</source>
        <translation>已补发(&amp;S)…</translation>
    </message>
    <message>
        <source>Repaired and &amp;sent back…</source>
        <translation>已修好寄回(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Answered, close…</source>
        <translation>已解答，关闭(&amp;A)…</translation>
    </message>
    <message>
        <source>Ask supplier on &amp;1688…</source>
        <translation>在1688向供应商申请(&amp;1)…</translation>
    </message>
    <message>
        <source>Supplier agr&amp;eed…</source>
        <translation>供应商已同意(&amp;E)…</translation>
    </message>
    <message>
        <source>Send goods bac&amp;k…</source>
        <translation>退回供应商(&amp;K)…</translation>
    </message>
    <message>
        <source>Supplier &amp;refunded…</source>
        <translation>供应商已退款(&amp;R)…</translation>
    </message>
    <message>
        <source>Supplier refuse&amp;d…</source>
        <translation>供应商拒绝(&amp;D)…</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>CaseDetailPane</name>
    <message>
        <source>Buyer (shop)</source>
        <extracomment>The application&apos;s connector kinds (set by the view): which buttons a case&apos;s connector gets.</extracomment>
        <translation>买家（店铺）</translation>
    </message>
    <message>
        <source>Supplier (1688)</source>
        <translation>供应商（1688）</translation>
    </message>
    <message>
        <source>&amp;Log contact…</source>
        <translation>记录联系(&amp;L)…</translation>
    </message>
    <message>
        <source>Log a call, chat or email with the buyer (Ctrl+L)</source>
        <translation>记录与买家的电话、聊天或邮件（Ctrl+L）</translation>
    </message>
    <message>
        <source>Co&amp;py reply</source>
        <translation>复制回复(&amp;P)</translation>
    </message>
    <message>
        <source>Copy the filled-in reply to the clipboard (Ctrl+Shift+C)</source>
        <translation>把填好的回复复制到剪贴板（Ctrl+Shift+C）</translation>
    </message>
    <message>
        <source>Templates…</source>
        <translation>模板…</translation>
    </message>
    <message>
        <source>A&amp;mounts…</source>
        <translation>金额(&amp;M)…</translation>
    </message>
    <message>
        <source>Correct the amounts, add return postage, mark the goods faulty</source>
        <translation>修改金额、补记退货运费、标记质量问题</translation>
    </message>
    <message>
        <source>Contacts with the buyer</source>
        <translation>与买家的联系记录</translation>
    </message>
    <message>
        <source>Reply:</source>
        <translation>回复：</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>操作记录</translation>
    </message>
    <message>
        <source>Select a case to see both sides.</source>
        <translation>选择一个售后单，查看买家端和供应商端。</translation>
    </message>
    <message>
        <source>Platform case</source>
        <translation>平台售后编号</translation>
    </message>
    <message>
        <source>since</source>
        <translation>自</translation>
    </message>
    <message>
        <source>due</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>Return parcel</source>
        <translation>退货包裹</translation>
    </message>
    <message>
        <source>Sent to the buyer</source>
        <translation>寄给买家</translation>
    </message>
    <message>
        <source>Platform status</source>
        <translation>平台状态</translation>
    </message>
    <message>
        <source>1688 order</source>
        <translation>1688订单</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>No 1688 order linked to this order.</source>
        <translation>此订单没有关联的1688订单。</translation>
    </message>
    <message>
        <source>Refund id</source>
        <translation>退款单号</translation>
    </message>
    <message>
        <source>Return address</source>
        <translation>退货地址</translation>
    </message>
    <message>
        <source>Last message</source>
        <translation>最近消息</translation>
    </message>
    <message>
        <source>Sent to 1688, answer not recorded: check on 1688 and say.</source>
        <translation>已提交到1688，结果未记录：请到1688上核实后在此确认。</translation>
    </message>
    <message>
        <source>It went through</source>
        <translation>已成功</translation>
    </message>
    <message>
        <source>It did not</source>
        <translation>未成功</translation>
    </message>
    <message>
        <source>Check o&amp;n 1688</source>
        <translation>到1688查询(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Withdraw application…</source>
        <translation>撤销申请(&amp;W)…</translation>
    </message>
    <message>
        <source>Technical support has no supplier side.</source>
        <translation>技术支持没有供应商端。</translation>
    </message>
    <message>
        <source>Asked back {asked} · refunded to the buyer {refunded} · recovered from the supplier {recovered} · extra cost {extra} · &lt;b&gt;net loss {loss}&lt;/b&gt;</source>
        <translation>申请 {asked} · 退给买家 {refunded} · 供应商退回 {recovered} · 额外成本 {extra} · &lt;b&gt;净损失 {loss}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{name}: {value}</source>
        <translation>{name}：{value}</translation>
    </message>
</context>
<context>
    <name>ChartBase</name>
    <message>
        <source>Save chart as PNG…</source>
        <translation>将图表另存为 PNG…</translation>
    </message>
    <message>
        <source>Save chart as PNG</source>
        <translation>将图表另存为 PNG</translation>
    </message>
</context>
<context>
    <name>CloseReasonEditor</name>
    <message>
        <source>Choose a reason…</source>
        <translation>请选择原因…</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>Re&amp;mark:</source>
        <translation>备注(&amp;M)：</translation>
    </message>
</context>
<context>
    <name>Comparison</name>
    <message>
        <source>Cost / margin</source>
        <extracomment>Translatable factor names (domain keys → English source text).</extracomment>
        <translation>成本 / 毛利</translation>
    </message>
    <message>
        <source>Lead time</source>
        <translation>发货时效</translation>
    </message>
    <message>
        <source>Supplier trust</source>
        <translation>供应商信誉</translation>
    </message>
    <message>
        <source>Supply stability</source>
        <translation>供货稳定性</translation>
    </message>
    <message>
        <source>Counterfeit safety</source>
        <translation>正品保障</translation>
    </message>
    <message>
        <source>Yes</source>
        <extracomment>Translatable eligibility reasons (domain codes → English source text).</extracomment>
        <translation>是</translation>
    </message>
    <message>
        <source>No: no one-piece dropship</source>
        <translation>否：不支持一件代发</translation>
    </message>
    <message>
        <source>No: MOQ above 1, no dropship</source>
        <translation>否：起批量大于 1，不支持代发</translation>
    </message>
    <message>
        <source>No: out of stock</source>
        <translation>否：缺货</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Preferred</source>
        <translation>首选</translation>
    </message>
    <message>
        <source>One piece</source>
        <translation>一件代发</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Landed cost</source>
        <translation>综合成本</translation>
    </message>
    <message>
        <source>Profit</source>
        <translation>利润</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>毛利率</translation>
    </message>
    <message>
        <source>Lead days</source>
        <translation>发货天数</translation>
    </message>
    <message>
        <source>MOQ</source>
        <translation>起批量</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Points this factor adds to the score; the most it can add is in brackets.</source>
        <translation>该项为总分贡献的分数；括号中为该项最多可得的分数。</translation>
    </message>
    <message>
        <source>Factor score {score:.2f} of 1 × weight {weight:g} → {points:.1f} points</source>
        <translation>单项得分 {score:.2f}（满分 1）× 权重 {weight:g} → {points:.1f} 分</translation>
    </message>
    <message>
        <source>Cannot serve a one-piece dropship order; kept in the list, ranked last.</source>
        <translation>无法一件代发；仍保留在列表中，排在最后。</translation>
    </message>
</context>
<context>
    <name>ComparisonPanel</name>
    <message>
        <source>Offer comparison</source>
        <translation>货源比价</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Back to the default weights 30/20/20/15/15.</source>
        <translation>恢复默认权重 30/20/20/15/15。</translation>
    </message>
    <message>
        <source>Points = weight ÷ total weight × factor score (0–1, 1 = best here) × 100. Offers that cannot ship one piece are ranked last, not hidden.</source>
        <translation>得分 = 权重 ÷ 权重总和 × 单项得分（0–1，1 = 本组最佳）× 100。不能一件代发的报价排在最后，不会隐藏。</translation>
    </message>
    <message>
        <source>At least one weight must be above 0.</source>
        <translation>至少要有一项权重大于 0。</translation>
    </message>
    <message>
        <source>Select a product to compare its offers.</source>
        <translation>选择一个商品以比较其货源报价。</translation>
    </message>
    <message>
        <source>“{}” has no offers yet.</source>
        <translation>“{}”还没有货源报价。</translation>
    </message>
    <message>
        <source>Comparing {} offers for “{}”. Set a sale price to see margins.</source>
        <translation>正在比较“{1}”的 {0} 个报价。设置售价后可查看毛利率。</translation>
    </message>
    <message>
        <source>Comparing {} offers for “{}” at a sale price of {}.</source>
        <translation>正在以售价 {2} 比较“{1}”的 {0} 个报价。</translation>
    </message>
    <message>
        <source>More after-sales cases with faulty goods lately for the offer of: {}. Check its quality before ordering more.</source>
        <translation>以下供应商的货源近期质量问题售后增多：{}。继续下单前请核实质量。</translation>
    </message>
</context>
<context>
    <name>Completeness</name>
    <message>
        <source>The title is missing or shorter than {} characters.</source>
        <extracomment>Translatable text per completeness code of :func:`description_completeness`.</extracomment>
        <translation>缺少标题，或标题少于 {} 个字。</translation>
    </message>
    <message>
        <source>No SKU is set.</source>
        <translation>未设置SKU。</translation>
    </message>
    <message>
        <source>No sale price is set.</source>
        <translation>未设置售价。</translation>
    </message>
    <message>
        <source>No specifications (规格) are listed.</source>
        <translation>未填写规格。</translation>
    </message>
    <message>
        <source>The description is missing or shorter than {} characters.</source>
        <translation>缺少描述，或描述少于 {} 个字。</translation>
    </message>
    <message>
        <source>Neither the specifications nor the description mention size, material or colour.</source>
        <translation>规格和描述中都没有提到尺寸、材质或颜色。</translation>
    </message>
</context>
<context>
    <name>ConfirmPage</name>
    <message>
        <source>What cancelling costs (seed 5.2)</source>
        <translation>取消订单的代价</translation>
    </message>
    <message>
        <source>How to avoid this next time (seed 5.3)</source>
        <translation>下次如何避免</translation>
    </message>
    <message>
        <source>Nothing has been sent yet. Back and Cancel change nothing.</source>
        <translation>尚未发送任何请求。点击“上一步”或“取消”不会有任何改动。</translation>
    </message>
    <message>
        <source>1688 order id</source>
        <translation>1688订单号</translation>
    </message>
    <message>
        <source>Shop order no.</source>
        <translation>店铺订单号</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>不发送</translation>
    </message>
    <message>
        <source>The supplier must agree; the full paid amount is asked back.</source>
        <translation>需供应商同意；申请退回全部实付金额。</translation>
    </message>
    <message>
        <source>Closed at once; nothing was paid.</source>
        <translation>立即关闭；未付过款。</translation>
    </message>
    <message>
        <source>No particular advice for these orders.</source>
        <translation>这些订单没有特别的建议。</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n 个订单</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect a 1688 Account</source>
        <translation>连接 1688 账号</translation>
    </message>
    <message>
        <source>Leave empty to keep the saved key</source>
        <translation>留空则沿用已保存的 App Key</translation>
    </message>
    <message>
        <source>Leave empty to keep the saved secret</source>
        <translation>留空则沿用已保存的 App Secret</translation>
    </message>
    <message>
        <source>&amp;Open the 1688 Authorise Page</source>
        <translation>打开 1688 授权页面(&amp;O)</translation>
    </message>
    <message>
        <source>The authorise address appears here</source>
        <translation>授权页面地址将显示在这里</translation>
    </message>
    <message>
        <source>Paste the code, or the whole address 1688 sent you to</source>
        <translation>粘贴授权码，或 1688 跳转到的完整网址</translation>
    </message>
    <message>
        <source>&amp;Finish Connecting</source>
        <translation>完成连接(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Account name:</source>
        <translation>账号名称(&amp;A)：</translation>
    </message>
    <message>
        <source>App &amp;key:</source>
        <translation>App &amp;Key：</translation>
    </message>
    <message>
        <source>App &amp;secret:</source>
        <translation>App &amp;Secret：</translation>
    </message>
    <message>
        <source>&amp;Redirect address:</source>
        <translation>回调地址(&amp;R)：</translation>
    </message>
    <message>
        <source>1. Enter the app key and app secret of your app on the 1688 open platform (open.1688.com → My apps). They are kept only in this computer&apos;s credential store, never in the database.
2. Open the authorise page, sign in with the 1688 buyer account and allow access.
3. Paste the code 1688 shows (or the whole address of the page it sends you to) and finish within 2 minutes.</source>
        <translation>1. 填写您在 1688 开放平台（open.1688.com → 我的应用）上应用的 App Key 和 App Secret。它们只保存在本机的系统凭据库中，绝不写入数据库。
2. 打开授权页面，用 1688 买家账号登录并同意授权。
3. 粘贴 1688 显示的授权码（或跳转到的页面的完整网址），并在 2 分钟内完成。</translation>
    </message>
    <message>
        <source>Saving the app key…</source>
        <translation>正在保存 App Key…</translation>
    </message>
    <message>
        <source>The authorise page opened in your browser. Allow access, then paste here.</source>
        <translation>已在浏览器中打开授权页面。同意授权后，把授权码粘贴到这里。</translation>
    </message>
    <message>
        <source>Copy the address above into your browser, allow access, then paste here.</source>
        <translation>请把上面的地址复制到浏览器中打开，同意授权后，把授权码粘贴到这里。</translation>
    </message>
    <message>
        <source>Asking 1688 for the authorisation…</source>
        <translation>正在向 1688 获取授权…</translation>
    </message>
</context>
<context>
    <name>Connectors</name>
    <message>
        <source>App key</source>
        <translation>App Key</translation>
    </message>
    <message>
        <source>App secret</source>
        <translation>App Secret</translation>
    </message>
</context>
<context>
    <name>ConsequencesText</name>
    <message numerus="yes">
        <source>Close %n unpaid order(s): {amount}</source>
        <translation>
            <numerusform>关闭 %n 个未付款订单：{amount}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Apply for the refund of %n paid order(s): {amount} asked back</source>
        <translation>
            <numerusform>为 %n 个已付款订单申请退款：申请退回 {amount}</numerusform>
        </translation>
    </message>
    <message>
        <source>Sales lost: {sales} · profit lost: {profit}</source>
        <translation>损失销售额：{sales} · 损失利润：{profit}</translation>
    </message>
    <message>
        <source>{shop}: 30-day cancellation rate {before} → &lt;b&gt;{after}&lt;/b&gt; ({cb}/{ob} → {ca}/{oa} orders)</source>
        <translation>{shop}：30 天取消率 {before} → &lt;b&gt;{after}&lt;/b&gt;（{cb}/{ob} → {ca}/{oa} 个订单）</translation>
    </message>
    <message>
        <source>The shop&apos;s credit rating (信用评价) goes down with every cancellation.</source>
        <translation>每取消一单，店铺的信用评价都会下降。</translation>
    </message>
    <message>
        <source>Shop traffic (店铺流量) drops: the platform shows the shop&apos;s products less.</source>
        <translation>店铺流量下降：平台会减少店铺商品的曝光。</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Fast and convenient, but someone must be there to answer.</source>
        <extracomment>Seed 6.2: each channel&apos;s trade-off, shown where the seller picks it.</extracomment>
        <translation>响应快、方便快捷，但需要有人值守回复。</translation>
    </message>
    <message>
        <source>Direct and quick, but takes the most time and money.</source>
        <translation>直接快捷，但需要投入更多人力和财力。</translation>
    </message>
    <message>
        <source>Answer when you have time, but replies are slower.</source>
        <translation>有空再回复，时间由您掌控，但响应可能较慢。</translation>
    </message>
    <message>
        <source>The platform&apos;s own chat: the buyer&apos;s messages stay on record.</source>
        <translation>平台自带的聊天工具：买家的消息有据可查。</translation>
    </message>
    <message>
        <source>Log a contact with the buyer</source>
        <translation>记录与买家的联系</translation>
    </message>
    <message>
        <source>&amp;Channel</source>
        <translation>渠道(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Direction</source>
        <translation>方向(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Time</source>
        <translation>时间(&amp;T)</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>备注(&amp;O)</translation>
    </message>
</context>
<context>
    <name>DashboardExport</name>
    <message>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>To</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Valid orders</source>
        <translation>有效订单数</translation>
    </message>
    <message>
        <source>Sales (GMV)</source>
        <translation>销售额（GMV）</translation>
    </message>
    <message>
        <source>Profit</source>
        <translation>利润</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>毛利率</translation>
    </message>
    <message>
        <source>Orders with estimated cost</source>
        <translation>成本为估算的订单数</translation>
    </message>
    <message>
        <source>Profit resting on estimated cost</source>
        <translation>基于估算成本的利润</translation>
    </message>
    <message>
        <source>Cancelled or refunded</source>
        <translation>取消或退款</translation>
    </message>
    <message>
        <source>Late shipments (unshipped past ship-by)</source>
        <translation>延迟发货（超过最晚发货时间未发货）</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>取消数</translation>
    </message>
    <message>
        <source>30-day cancellation rate</source>
        <translation>近30天取消率</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <source>Shops</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Top products</source>
        <translation>热销商品</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Order lines</source>
        <translation>订单行数</translation>
    </message>
    <message>
        <source>Suppliers</source>
        <translation>供应商</translation>
    </message>
</context>
<context>
    <name>DashboardTables</name>
    <message>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销售额</translation>
    </message>
    <message>
        <source>Profit</source>
        <translation>利润</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>毛利率</translation>
    </message>
    <message>
        <source>Late shipment</source>
        <translation>延迟发货率</translation>
    </message>
    <message>
        <source>30-day cancellation rate</source>
        <translation>近30天取消率</translation>
    </message>
    <message>
        <source>Warning line</source>
        <translation>警戒线</translation>
    </message>
    <message>
        <source>Cancellations to the line</source>
        <translation>距警戒线还可取消</translation>
    </message>
    <message>
        <source>(supplier not recorded)</source>
        <translation>（未记录供应商）</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>1688 orders</source>
        <translation>1688订单数</translation>
    </message>
    <message>
        <source>Purchase cost</source>
        <translation>采购额</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>On-time rate</source>
        <translation>准时率</translation>
    </message>
    <message>
        <source>Cancelled for stock (卖家库存不足)</source>
        <translation>因缺货取消（卖家库存不足）</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Dashboard</source>
        <extracomment>Warn about a shop when this many cancellations (or fewer) bring it to its line. After a load&apos;s part is shown: &quot;first&quot; (summary figures and to-do counts, the live figures pending) or &quot;live&quot; (everything). The bench times the open with it. Set once a load&apos;s first figures are shown; its live job waits for it. Per table, the text widths its columns were last sized to (see ``text_widths``).</extracomment>
        <translation>工作台</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>近{n}天</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Choose the first and last day</source>
        <translation>选择起止日期</translation>
    </message>
    <message>
        <source>Warning line…</source>
        <translation>警戒线…</translation>
    </message>
    <message>
        <source>Set the 30-day cancellation rate at which the shop&apos;s platform starts to act (its red line); the dashboard warns before the next cancellations reach it</source>
        <translation>设置店铺平台开始处罚的近30天取消率（平台红线）；再取消几单就会触线时，工作台会提前提醒</translation>
    </message>
    <message>
        <source>Save charts…</source>
        <translation>保存图表…</translation>
    </message>
    <message>
        <source>Save the four charts as PNG images into a folder (right-click a chart to save only that one)</source>
        <translation>将四张图表保存为 PNG 图片到一个文件夹（右键单击某张图表可只保存该图）</translation>
    </message>
    <message>
        <source>Export figures…</source>
        <translation>导出数据…</translation>
    </message>
    <message>
        <source>Save the figures shown as an Excel workbook</source>
        <translation>将当前显示的数据保存为 Excel 工作簿</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>To do today</source>
        <translation>今日待办</translation>
    </message>
    <message>
        <source>How the shops are doing</source>
        <translation>店铺经营情况</translation>
    </message>
    <message>
        <source>Shops</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Suppliers</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Sales (GMV)</source>
        <translation>销售额（GMV）</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Profit</source>
        <translation>利润</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>毛利率</translation>
    </message>
    <message>
        <source>30-day cancellation rate</source>
        <translation>近30天取消率</translation>
    </message>
    <message>
        <source>Late shipment rate</source>
        <translation>延迟发货率</translation>
    </message>
    <message>
        <source>After-sales loss</source>
        <translation>售后净损失</translation>
    </message>
    <message>
        <source>Daily sales and profit</source>
        <translation>每日销售额与利润</translation>
    </message>
    <message>
        <source>Cancellation rate (trailing 30 days)</source>
        <translation>取消率（滚动30天）</translation>
    </message>
    <message>
        <source>Top products by sales</source>
        <translation>热销商品（按销售额）</translation>
    </message>
    <message>
        <source>Suppliers by purchase cost</source>
        <translation>供应商（按采购额）</translation>
    </message>
    <message>
        <source>No orders in this range</source>
        <translation>该时间段内没有订单</translation>
    </message>
    <message>
        <source>All shops</source>
        <translation>全部店铺</translation>
    </message>
    <message>
        <source>Average order {amount}</source>
        <translation>客单价 {amount}</translation>
    </message>
    <message>
        <source>{n} created, {c} cancelled or refunded</source>
        <translation>共下单 {n}，取消或退款 {c}</translation>
    </message>
    <message>
        <source>{n} orders without a 1688 order: cost estimated</source>
        <translation>{n} 单尚无1688订单：成本为估算</translation>
    </message>
    <message>
        <source>From real 1688 costs</source>
        <translation>按1688实际成本计算</translation>
    </message>
    <message>
        <source>Profit ÷ sales</source>
        <translation>利润 ÷ 销售额</translation>
    </message>
    <message>
        <source>{n} cases; fraud {amount} ({m} orders)</source>
        <translation>{n} 个售后单；被骗损失 {amount}（{m} 单）</translation>
    </message>
    <message>
        <source>Warning line {line}</source>
        <translation>警戒线 {line}</translation>
    </message>
    <message>
        <source>{n} unshipped past ship-by</source>
        <translation>{n} 单超过最晚发货时间仍未发货</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销售额</translation>
    </message>
    <message>
        <source>Cancellation rate</source>
        <translation>取消率</translation>
    </message>
    <message>
        <source>Warning line</source>
        <translation>警戒线</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>(supplier not recorded)</source>
        <translation>（未记录供应商）</translation>
    </message>
    <message>
        <source>Cancelled for stock</source>
        <translation>因缺货取消</translation>
    </message>
    <message>
        <source>On-time rate</source>
        <translation>准时率</translation>
    </message>
    <message>
        <source>{shop}: the 30-day cancellation rate is {rate}, at or over the warning line {line}. Avoid cancelling more orders; place supplier orders early.</source>
        <translation>{shop}：近30天取消率为 {rate}，已达到或超过警戒线 {line}。请避免再取消订单，尽早向供应商下单。</translation>
    </message>
    <message>
        <source>{shop}: one more cancellation would bring the 30-day cancellation rate ({rate}) to the warning line {line}.</source>
        <translation>{shop}：再取消 1 单，近30天取消率（现为 {rate}）就会达到警戒线 {line}。</translation>
    </message>
    <message>
        <source>{shop}: {n} more cancellations would bring the 30-day cancellation rate ({rate}) to the warning line {line}.</source>
        <translation>{shop}：再取消 {n} 单，近30天取消率（现为 {rate}）就会达到警戒线 {line}。</translation>
    </message>
    <message>
        <source>Warning line for {shop} (30-day cancellation rate, %):</source>
        <translation>{shop} 的警戒线（近30天取消率，%）：</translation>
    </message>
    <message>
        <source>Warning line for every shop (30-day cancellation rate, %):</source>
        <translation>所有店铺的警戒线（近30天取消率，%）：</translation>
    </message>
    <message>
        <source>dashboard {first} to {last}</source>
        <translation>工作台 {first} 至 {last}</translation>
    </message>
    <message>
        <source>Export figures</source>
        <translation>导出数据</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>The file could not be written: {error}. Choose another folder or close the file in Excel, then try again.</source>
        <translation>无法写入文件：{error}。请换一个文件夹，或先在 Excel 中关闭该文件，然后重试。</translation>
    </message>
    <message>
        <source>Save charts</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <source>These files could not be written: {files}. Choose another folder.</source>
        <translation>以下文件无法写入：{files}。请选择其他文件夹。</translation>
    </message>
</context>
<context>
    <name>DeadlinesDialog</name>
    <message>
        <source>Response windows</source>
        <translation>处理时限</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>Hours the platform gives you to act. Platforms change their rules: check their after-sales pages and set your own. Open cases move with the new windows.</source>
        <translation>平台给您处理的小时数。平台规则会变，请以平台售后规则页面为准并自行设置。处理中的售后单会按新的时限重新计算截止时间。</translation>
    </message>
    <message>
        <source>Shop platform</source>
        <translation>店铺平台</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Dropship Desktop</source>
        <extracomment>Set for an instance started by :func:`restart_application`.</extracomment>
        <translation>一件代发助手</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>(no log)</source>
        <translation>（无日志）</translation>
    </message>
    <message>
        <source>Something went wrong inside Dropship Desktop. Your data is safe; the last action may not have been completed.

Details were written to the log file:
{}</source>
        <translation>一件代发助手内部出错。您的数据是安全的，但最后一次操作可能没有完成。

详细信息已写入日志文件：
{}</translation>
    </message>
    <message>
        <source>If it happens again it is only written to the log. Restart the app if the window does not look right.</source>
        <translation>若再次出现，只记入日志，不再弹出。如果窗口显示不正常，请重新启动软件。</translation>
    </message>
    <message>
        <source>Choose 1688 platform supplier or channel distributor.</source>
        <translation>请选择1688平台供应商或渠道商。</translation>
    </message>
    <message>
        <source>Enter the supplier&apos;s name.</source>
        <translation>请输入供应商名称。</translation>
    </message>
    <message>
        <source>The name is longer than 200 characters.</source>
        <translation>名称超过 200 个字符。</translation>
    </message>
    <message>
        <source>Years on 1688 must be between 0 and 50.</source>
        <translation>1688经营年限必须在 0 到 50 之间。</translation>
    </message>
    <message>
        <source>The rating must be between 0 and 5.</source>
        <translation>评分必须在 0 到 5 之间。</translation>
    </message>
    <message>
        <source>The on-time rate must be between 0% and 100%.</source>
        <translation>准时发货率必须在 0% 到 100% 之间。</translation>
    </message>
    <message>
        <source>Incidents cannot be negative.</source>
        <translation>问题次数不能为负数。</translation>
    </message>
    <message>
        <source>The shop URL must start with http:// or https://.</source>
        <translation>店铺网址必须以 http:// 或 https:// 开头。</translation>
    </message>
    <message>
        <source>The supplier has invalid fields.</source>
        <translation>供应商信息有误。</translation>
    </message>
    <message>
        <source>This supplier no longer exists; it may have been deleted.</source>
        <translation>该供应商已不存在，可能已被删除。</translation>
    </message>
    <message>
        <source>“{name}” cannot be deleted: {offers} offer(s) and {orders} supplier order(s) use it. Delete or move its offers first; suppliers with orders are kept for the order history.</source>
        <translation>无法删除“{name}”：有 {offers} 个报价和 {orders} 个1688订单在使用它。请先删除或转移其报价；有订单的供应商会保留，以备查看订单历史。</translation>
    </message>
    <message>
        <source>This product no longer exists; it may have been deleted.</source>
        <extracomment>Largest money amount accepted anywhere in sourcing (¥10,000,000.00): catches typos.</extracomment>
        <translation>该商品已不存在，可能已被删除。</translation>
    </message>
    <message>
        <source>This offer no longer exists; it may have been deleted.</source>
        <translation>该报价已不存在，可能已被删除。</translation>
    </message>
    <message>
        <source>“{text}” is not yes/no (是/否).</source>
        <translation>“{text}”不是“是/否”。</translation>
    </message>
    <message>
        <source>Row {row}: {problem} Nothing was imported.</source>
        <translation>第 {row} 行：{problem} 未导入任何数据。</translation>
    </message>
    <message>
        <source>The sale price must be at least ¥0.00.</source>
        <translation>售价不能低于 ¥0.00。</translation>
    </message>
    <message>
        <source>The sale price is too large (at most ¥10,000,000.00).</source>
        <translation>售价过大（最多 ¥10,000,000.00）。</translation>
    </message>
    <message>
        <source>The unit cost must be more than ¥0.00.</source>
        <translation>单价成本必须大于 ¥0.00。</translation>
    </message>
    <message>
        <source>The unit cost is too large (at most ¥10,000,000.00).</source>
        <translation>单价成本过大（最多 ¥10,000,000.00）。</translation>
    </message>
    <message>
        <source>The dropship fee must be at least ¥0.00.</source>
        <translation>代发费不能低于 ¥0.00。</translation>
    </message>
    <message>
        <source>The dropship fee is too large (at most ¥10,000,000.00).</source>
        <translation>代发费过大（最多 ¥10,000,000.00）。</translation>
    </message>
    <message>
        <source>The shipping cost must be at least ¥0.00.</source>
        <translation>运费不能低于 ¥0.00。</translation>
    </message>
    <message>
        <source>The shipping cost is too large (at most ¥10,000,000.00).</source>
        <translation>运费过大（最多 ¥10,000,000.00）。</translation>
    </message>
    <message>
        <source>Enter the product title.</source>
        <translation>请输入商品标题。</translation>
    </message>
    <message>
        <source>The title is longer than 300 characters.</source>
        <translation>标题超过 300 个字符。</translation>
    </message>
    <message>
        <source>The SKU is longer than 100 characters.</source>
        <translation>SKU超过 100 个字符。</translation>
    </message>
    <message>
        <source>Choose the supplier.</source>
        <translation>请选择供应商。</translation>
    </message>
    <message>
        <source>A tier price is too large (at most ¥10,000,000.00).</source>
        <translation>阶梯价中有价格过大（最多 ¥10,000,000.00）。</translation>
    </message>
    <message>
        <source>The minimum order quantity must be between 1 and 1,000,000.</source>
        <translation>起批量必须在 1 到 1,000,000 之间。</translation>
    </message>
    <message>
        <source>The lead time must be between 0 and 365 days.</source>
        <translation>发货时效必须在 0 到 365 天之间。</translation>
    </message>
    <message>
        <source>Choose platform dropship or third-party dropship.</source>
        <translation>请选择平台代发或第三方代发。</translation>
    </message>
    <message>
        <source>Stock must be 0 or more (leave it empty when unknown).</source>
        <translation>库存不能小于 0（未知时请留空）。</translation>
    </message>
    <message>
        <source>The 1688 offer id or URL is longer than 500 characters.</source>
        <translation>1688商品ID或链接超过 500 个字符。</translation>
    </message>
    <message>
        <source>The URL must start with http:// or https://.</source>
        <translation>链接必须以 http:// 或 https:// 开头。</translation>
    </message>
    <message>
        <source>The date must look like 2026-10-31.</source>
        <translation>日期格式应为 2026-10-31。</translation>
    </message>
    <message>
        <source>Another product already uses the SKU “{sku}”.</source>
        <translation>SKU“{sku}”已被其他商品使用。</translation>
    </message>
    <message>
        <source>The product has invalid fields.</source>
        <translation>商品信息有误。</translation>
    </message>
    <message>
        <source>This supplier no longer exists; choose another.</source>
        <translation>该供应商已不存在，请另选一个。</translation>
    </message>
    <message>
        <source>The offer has invalid fields.</source>
        <translation>报价信息有误。</translation>
    </message>
    <message>
        <source>“{title}” cannot be deleted: {lines} sales order line(s) and {orders} supplier order(s) refer to it. Products with orders are kept for the order history.</source>
        <translation>无法删除“{title}”：有 {lines} 个店铺订单商品行和 {orders} 个1688订单引用了它。有订单的商品会保留，以备查看订单历史。</translation>
    </message>
    <message>
        <source>An offer cannot be moved to another product; create a new offer instead.</source>
        <translation>报价不能移到其他商品下；请改为新建一个报价。</translation>
    </message>
    <message>
        <source>This offer cannot be deleted: {orders} supplier order(s) were placed through it. Set its stock to 0 instead, so it is no longer chosen.</source>
        <translation>无法删除该报价：已通过它下了 {orders} 个1688订单。可将其库存设为 0，这样就不会再被选用。</translation>
    </message>
    <message>
        <source>This offer no longer belongs to the product; refresh and try again.</source>
        <translation>该报价已不属于此商品，请刷新后重试。</translation>
    </message>
    <message>
        <source>“{part}” is not quantity:price, e.g. 10:9.50.</source>
        <translation>“{part}”不是“数量:单价”格式，如 10:9.50。</translation>
    </message>
    <message>
        <source>“{part}”: the price must be an amount with at most two decimals.</source>
        <translation>“{part}”：价格必须是最多两位小数的金额。</translation>
    </message>
    <message>
        <source>Required: enter an amount such as 12.50.</source>
        <extracomment>Import/export columns: key, English header, Chinese header, other accepted headers.</extracomment>
        <translation>必填：请输入金额，如 12.50。</translation>
    </message>
    <message>
        <source>“{text}” is not an amount with at most two decimals (e.g. 12.50).</source>
        <translation>“{text}”不是最多两位小数的金额（如 12.50）。</translation>
    </message>
    <message>
        <source>“{text}” is not a whole number of 0 or more.</source>
        <translation>“{text}”不是大于等于 0 的整数。</translation>
    </message>
    <message>
        <source>“{text}” is too large (at most 999,999,999).</source>
        <translation>“{text}”太大（最多 999,999,999）。</translation>
    </message>
    <message>
        <source>Required: the SKU identifies the product.</source>
        <translation>必填：SKU 用于识别商品。</translation>
    </message>
    <message>
        <source>Required when the row has offer columns: the supplier&apos;s name.</source>
        <translation>该行填写了报价列时必填：供应商名称。</translation>
    </message>
    <message>
        <source>“{text}” is not a supplier kind: use 1688 platform (平台) or channel (渠道商).</source>
        <translation>“{text}”不是有效的供应商类型：请填写“平台”或“渠道商”。</translation>
    </message>
    <message>
        <source>“{text}” is not a fulfilment: use 平台代发 or 第三方代发.</source>
        <translation>“{text}”不是有效的代发方式：请填写“平台代发”或“第三方代发”。</translation>
    </message>
    <message>
        <source>“{text}” is not a date like 2026-10-31.</source>
        <translation>“{text}”不是有效日期，格式应为 2026-10-31。</translation>
    </message>
    <message>
        <source>The file has no SKU column (商家编码). The first row must hold column names such as SKU, Title, Sale price, Supplier, Unit cost; export the offer list to get a template.</source>
        <translation>文件中没有SKU列（商家编码）。第一行必须是列名，如 SKU、标题、售价、供应商、单价成本；可先导出报价列表作为模板。</translation>
    </message>
    <message>
        <source>Required for a new product: the first row of a SKU needs a title.</source>
        <translation>新商品必填：每个SKU的第一行需要填写标题。</translation>
    </message>
    <message>
        <source>Same SKU, supplier and 1688 offer as row {row}: keep one of the two rows.</source>
        <translation>与第 {row} 行的SKU、供应商和1688商品相同：请只保留其中一行。</translation>
    </message>
    <message>
        <source>No supplier is named “{name}”: add it under Suppliers first, or fill the Supplier kind column to create it.</source>
        <translation>没有名为“{name}”的供应商：请先在“供应商”中添加，或填写“供应商类型”列以自动创建。</translation>
    </message>
    <message>
        <source>Row {row} already makes another offer of this SKU the preferred one.</source>
        <translation>第 {row} 行已将该SKU的另一个报价设为首选。</translation>
    </message>
    <message>
        <source>The file has no data rows; nothing was imported.</source>
        <translation>文件中没有数据行，未导入任何数据。</translation>
    </message>
    <message>
        <source>{count} row(s) have errors; nothing was imported. Correct the file and import it again.</source>
        <translation>有 {count} 行存在错误，未导入任何数据。请改正文件后重新导入。</translation>
    </message>
    <message>
        <source>No supplier is named “{name}”.</source>
        <translation>没有名为“{name}”的供应商。</translation>
    </message>
    <message>
        <source>Cannot write {name}: {reason}. Close the file if it is open in Excel or WPS, or choose another folder.</source>
        <translation>无法写入 {name}：{reason}。如果该文件已在 Excel 或 WPS 中打开，请先关闭，或选择其他文件夹。</translation>
    </message>
    <message>
        <source>There is no shop named “{name}”. Import the shop&apos;s orders first, or leave the shop empty to match orders of every shop.</source>
        <translation>没有名为“{name}”的店铺。请先导入该店铺的订单，或不指定店铺以匹配所有店铺的订单。</translation>
    </message>
    <message>
        <source>Unknown field in the column mapping: {name}.</source>
        <translation>列对应关系中有未知字段：{name}。</translation>
    </message>
    <message>
        <source>The file has no column “{header}” (mapped to {name}).</source>
        <translation>文件中没有“{header}”列（对应 {name}）。</translation>
    </message>
    <message>
        <source>This file has no order number column (订单编号 / 订单号), so it is not an after-sales export the app knows. Export the after-sales list from the platform again, or map the columns by hand.</source>
        <translation>此文件没有订单号列（订单编号 / 订单号），不是本软件认识的售后导出文件。请从平台重新导出售后列表，或手动选择对应的列。</translation>
    </message>
    <message>
        <source>The file has neither a kind column (退款类型 / 售后类型) nor a status column (售后状态); map at least one of them.</source>
        <translation>文件既没有类型列（退款类型 / 售后类型），也没有状态列（售后状态）；请至少选择其中一列。</translation>
    </message>
    <message>
        <source>Row {row}: order {order} is not in the database. Import the shop&apos;s orders first (or choose the right shop).</source>
        <translation>第 {row} 行：订单 {order} 不在数据库中。请先导入该店铺的订单（或选择正确的店铺）。</translation>
    </message>
    <message>
        <source>Row {row}: order {order} exists in several shops; choose the shop.</source>
        <translation>第 {row} 行：多个店铺都有订单 {order}；请选择店铺。</translation>
    </message>
    <message>
        <source>“{value}” is not a kind the app knows</source>
        <translation>“{value}”不是本软件认识的售后类型</translation>
    </message>
    <message>
        <source>Row {row}: the refund ({refund}) is more than the trade ({trade}).</source>
        <translation>第 {row} 行：退款金额（{refund}）大于交易金额（{trade}）。</translation>
    </message>
    <message>
        <source>Row {row}: after-sales number {case} appears twice.</source>
        <translation>第 {row} 行：售后编号 {case} 重复出现。</translation>
    </message>
    <message>
        <source>None of the file&apos;s {count} row(s) is an after-sales case: their after-sales status says there is none. This looks like an order export: import it as orders, or export the after-sales list (售后列表) from the platform.</source>
        <translation>文件中的 {count} 行都不是售后单：其售后状态表明没有售后。这看起来是订单导出文件：请按订单导入，或从平台导出售后列表后再导入。</translation>
    </message>
    <message>
        <source>The file holds no after-sales rows.</source>
        <translation>文件中没有售后数据。</translation>
    </message>
    <message>
        <source>empty</source>
        <extracomment>After-sales statuses of an order export&apos;s rows that say the order has no after-sales case.</extracomment>
        <translation>为空</translation>
    </message>
    <message>
        <source>Row {row}, {field}: {problem}</source>
        <translation>第 {row} 行，{field}：{problem}</translation>
    </message>
    <message>
        <source>The file has {count} problem(s) and was not imported: {first}</source>
        <translation>文件有 {count} 处问题，未导入：{first}</translation>
    </message>
    <message>
        <source>Choose a file name ending in .xlsx or .csv.</source>
        <translation>请选择以 .xlsx 或 .csv 结尾的文件名。</translation>
    </message>
    <message>
        <source>Cannot write the file: {reason}.</source>
        <translation>无法写入文件：{reason}。</translation>
    </message>
    <message>
        <source>Export the file from the platform again, or open it in Excel and save it as .xlsx.</source>
        <extracomment>What to tell the seller after most unreadable files.</extracomment>
        <translation>请从平台重新导出文件，或用 Excel 打开后另存为 .xlsx。</translation>
    </message>
    <message>
        <source>The workbook is too large once unpacked (a &apos;zip bomb&apos;?) and was not opened. Export the file from the platform again.</source>
        <translation>该工作簿解压后过大（可能是“压缩炸弹”），未打开。请从平台重新导出文件。</translation>
    </message>
    <message>
        <source>Cannot open the file: {reason}.</source>
        <extracomment>Largest file accepted at all.</extracomment>
        <translation>无法打开文件：{reason}。</translation>
    </message>
    <message>
        <source>The file is empty. Export the orders again and choose that file.</source>
        <translation>文件是空的。请重新导出订单并选择该文件。</translation>
    </message>
    <message>
        <source>{name} is Excel&apos;s temporary lock file (Excel makes it while the workbook is open), not your orders. Choose the real file: {real}, without the ~$ at the start of its name.</source>
        <translation>{name} 是 Excel 的临时锁定文件（工作簿打开时 Excel 自动生成），不是订单文件。请选择真正的文件：{real}（文件名开头没有 ~$）。</translation>
    </message>
    <message>
        <source>{name} is a folder, not a file. Choose the exported file itself (e.g. a .csv or .xlsx file in that folder).</source>
        <translation>{name} 是一个文件夹，不是文件。请选择导出的文件本身（例如该文件夹中的 .csv 或 .xlsx 文件）。</translation>
    </message>
    <message>
        <source>The workbook is protected with a password. Open it in Excel, remove the password (File &gt; Info &gt; Protect Workbook) and save it as .xlsx.</source>
        <translation>该工作簿设有密码。请用 Excel 打开，删除密码（文件 &gt; 信息 &gt; 保护工作簿）后另存为 .xlsx。</translation>
    </message>
    <message>
        <source>The file is too large ({size} MiB; the limit is {limit} MiB). Export a shorter date range and import the parts one by one.</source>
        <translation>文件过大（{size} MiB，上限为 {limit} MiB）。请缩短导出的日期范围，分批导入。</translation>
    </message>
    <message>
        <source>The file is a web page or XML file with a spreadsheet name, and it holds no table. Open it in Excel and save it as .xlsx (Excel Workbook), then import that.</source>
        <translation>该文件是网页或 XML 文件，只是用了表格文件的名称，其中没有表格。请用 Excel 打开并另存为 .xlsx（Excel 工作簿），再导入该文件。</translation>
    </message>
    <message>
        <source>The file is not a CSV or Excel workbook (its text is neither UTF-8 nor GBK/GB18030). {hint}</source>
        <translation>该文件不是 CSV 或 Excel 工作簿（其文本既不是 UTF-8 也不是 GBK/GB18030 编码）。{hint}</translation>
    </message>
    <message>
        <source>The file is not a CSV or Excel workbook (it contains binary data). {hint}</source>
        <translation>该文件不是 CSV 或 Excel 工作簿（含有二进制数据）。{hint}</translation>
    </message>
    <message>
        <source>The CSV file is damaged near row {row}: {reason}. {hint}</source>
        <translation>CSV 文件在第 {row} 行附近已损坏：{reason}。{hint}</translation>
    </message>
    <message>
        <source>The file has more than {rows} data rows. Export a shorter date range and import the parts one by one.</source>
        <translation>文件超过 {rows} 行数据。请缩短导出的日期范围，分批导入。</translation>
    </message>
    <message>
        <source>The file has no rows. Export the orders again and choose that file.</source>
        <extracomment>The limits of a real read.</extracomment>
        <translation>文件中没有任何行。请重新导出订单并选择该文件。</translation>
    </message>
    <message>
        <source>The file is damaged and cannot be read. Export it again and import the new file.</source>
        <translation>文件已损坏，无法读取。请重新导出，并导入新文件。</translation>
    </message>
    <message>
        <source>The workbook is damaged (it is not a valid .xlsx). {hint}</source>
        <translation>该工作簿已损坏（不是有效的 .xlsx 文件）。{hint}</translation>
    </message>
    <message>
        <source>an Excel binary workbook (.xlsb)</source>
        <translation>Excel 二进制工作簿 (.xlsb)</translation>
    </message>
    <message>
        <source>an OpenDocument spreadsheet (.ods)</source>
        <translation>OpenDocument 电子表格 (.ods)</translation>
    </message>
    <message>
        <source>a Word document</source>
        <translation>Word 文档</translation>
    </message>
    <message>
        <source>a zip archive</source>
        <translation>zip 压缩包</translation>
    </message>
    <message>
        <source>The file is {kind}, not a CSV or .xlsx workbook. Open it in Excel or WPS and save it as .xlsx (Excel Workbook), then import that.</source>
        <translation>该文件是{kind}，不是 CSV 或 .xlsx 工作簿。请用 Excel 或 WPS 打开并另存为 .xlsx（Excel 工作簿），再导入该文件。</translation>
    </message>
    <message>
        <source>The workbook has too many parts to be a real export. {hint}</source>
        <translation>该工作簿包含的部件过多，不像是平台导出的文件。{hint}</translation>
    </message>
    <message>
        <source>The workbook is too large once unpacked (over {limit}). Export a shorter date range and import the parts one by one.</source>
        <translation>该工作簿解压后过大（超过 {limit}）。请缩短导出的日期范围，分批导入。</translation>
    </message>
    <message>
        <source>The workbook is compressed to an implausible degree (a &apos;zip bomb&apos;) and was not opened. Export the file from the platform again.</source>
        <translation>该工作簿的压缩比异常（“压缩炸弹”），未打开。请从平台重新导出文件。</translation>
    </message>
    <message>
        <source>The workbook is damaged (bad zip header). {hint}</source>
        <translation>该工作簿已损坏（zip 文件头错误）。{hint}</translation>
    </message>
    <message>
        <source>The workbook uses an unsupported compression method. {hint}</source>
        <translation>该工作簿使用了不支持的压缩方式。{hint}</translation>
    </message>
    <message>
        <source>Reading Excel files is not available in this installation.</source>
        <translation>当前安装的版本无法读取 Excel 文件。</translation>
    </message>
    <message>
        <source>The workbook is protected with a password. Open it in Excel, remove the password and save it as .xlsx.</source>
        <translation>该工作簿设有密码。请用 Excel 打开，删除密码后另存为 .xlsx。</translation>
    </message>
    <message>
        <source>The {kind} workbook is damaged and cannot be read. {hint}</source>
        <translation>该 {kind} 工作簿已损坏，无法读取。{hint}</translation>
    </message>
    <message>
        <source>The sheet has more than {rows} data rows. Export a shorter date range and import the parts one by one.</source>
        <translation>工作表超过 {rows} 行数据。请缩短导出的日期范围，分批导入。</translation>
    </message>
    <message>
        <source>The workbook has no data. Export the orders again and choose that file.</source>
        <translation>该工作簿中没有数据。请重新导出订单并选择该文件。</translation>
    </message>
    <message>
        <source>empty amount</source>
        <extracomment>The most digits before the decimal point of an amount (under 10**15 yuan).</extracomment>
        <translation>金额为空</translation>
    </message>
    <message>
        <source>more than two decimals: {value!r}</source>
        <translation>超过两位小数：{value!r}</translation>
    </message>
    <message>
        <source>not an amount: {value!r}</source>
        <translation>不是金额：{value!r}</translation>
    </message>
    <message>
        <source>too large to be an amount: {value!r}</source>
        <translation>数值过大，不是金额：{value!r}</translation>
    </message>
    <message>
        <source>negative amount: {value!r}</source>
        <translation>金额为负数：{value!r}</translation>
    </message>
    <message>
        <source>The order number {value!r} was damaged by opening and re-saving the file in Excel or WPS (it is shown in scientific notation and its last digits are lost). Export the orders from the platform again and import that file without opening it, or save it as .xlsx with the column formatted as Text.</source>
        <extracomment>Sane bounds of the values an order export holds. A value outside them is a damaged or hostile file, not an order: it is refused with the row and column instead of reaching the database (SQLite integers end at 2**63, Python&apos;s datetime at year 1). Items in one order line. One amount, in fen (10 billion yuan). Bounds times quantities stay far below 2**63. The longest text a money or quantity cell may hold (wrappers, separators and ¥ included); Python refuses to convert integers of more than 4,300 digits at all. What exports write in a cell that has nothing (Douyin: ``-``). Excel serial day numbers accepted as dates: 1954-10-04 .. 2119-01-11.</extracomment>
        <translation>订单号 {value!r} 已损坏：文件在 Excel 或 WPS 中打开并重新保存过（订单号变成了科学计数法，末尾几位数字已丢失）。请从平台重新导出订单，不要打开直接导入；或将该列设为“文本”格式后另存为 .xlsx。</translation>
    </message>
    <message>
        <source>The order number {value!r} passed through a decimal number and may have lost digits. Export the orders from the platform again and import that file without opening it in Excel.</source>
        <translation>订单号 {value!r} 曾被当作小数处理，可能已丢失数字。请从平台重新导出订单，不要在 Excel 中打开，直接导入该文件。</translation>
    </message>
    <message>
        <source>{value!r} is not a date and time; expected a form like 2024-03-05 14:22:01.</source>
        <translation>{value!r} 不是日期时间，格式应为 2024-03-05 14:22:01。</translation>
    </message>
    <message>
        <source>{value!r} is not a plausible order date (expected a year from {first} to {last}). Check the column mapping, or export the orders again.</source>
        <translation>{value!r} 不是合理的订单日期（年份应在 {first} 到 {last} 之间）。请检查列对应关系，或重新导出订单。</translation>
    </message>
    <message>
        <source>{value} items is not a plausible quantity (at most {limit}). Check the column mapping, or export the orders again.</source>
        <translation>{value} 件不是合理的数量（最多 {limit} 件）。请检查列对应关系，或重新导出订单。</translation>
    </message>
    <message>
        <source>{value} is not a plausible amount (at most {limit} yuan). Check the column mapping, or export the orders again.</source>
        <translation>{value} 不是合理的金额（最多 {limit} 元）。请检查列对应关系，或重新导出订单。</translation>
    </message>
    <message>
        <source>{value!r} is too long to be a number</source>
        <translation>{value!r} 太长，不可能是数字</translation>
    </message>
    <message>
        <source>{value!r} cannot be read here; the file may be damaged or mapped wrongly</source>
        <translation>无法读取 {value!r}；文件可能已损坏，或列对应关系有误</translation>
    </message>
    <message>
        <source>unknown order status {value!r}</source>
        <translation>未知的订单状态 {value!r}</translation>
    </message>
    <message>
        <source>{value!r} is not a whole number of items</source>
        <extracomment>What the platforms write for a listing without variants (Pinduoduo: 无规格).</extracomment>
        <translation>{value!r} 不是整数件数</translation>
    </message>
    <message>
        <source>The tracking number {value!r} was damaged by opening and re-saving the file in Excel or WPS (it is shown in scientific notation and its last digits are lost). Export the file from the platform again and import it without opening it, or save it as .xlsx with the column formatted as Text.</source>
        <extracomment>A number Excel or WPS turned into scientific notation (``7.73012E+14``) or passed through a decimal number (``773012000000000.0``). No carrier&apos;s tracking number looks like either.</extracomment>
        <translation>运单号 {value!r} 已被 Excel 或 WPS 打开并重新保存而损坏（显示为科学计数法，末尾数字已丢失）。请重新从平台导出该文件，不要打开直接导入；或将该列设置为“文本”格式后另存为 .xlsx。</translation>
    </message>
    <message>
        <source>The tracking number {value!r} passed through a decimal number in Excel or WPS and may have lost digits. Export the file from the platform again and import it without opening it, or save it as .xlsx with the column formatted as Text.</source>
        <translation>运单号 {value!r} 在 Excel 或 WPS 中被当作小数处理，可能已丢失数字。请重新从平台导出该文件，不要打开直接导入；或将该列设置为“文本”格式后另存为 .xlsx。</translation>
    </message>
    <message>
        <source>The column mapping lacks: {names}. Choose a column for each.</source>
        <extracomment>What a cell converter may raise on a hostile cell (CellError and MoneyError included). Receiver fields: a platform may hide them (``##密文…``, ``$$密文…``, ``***``). Long numeric ids kept as text (wrappers removed, ``-`` for none).</extracomment>
        <translation>列对应中缺少：{names}。请为每一项选择一列。</translation>
    </message>
    <message>
        <source>Unknown field {field!r} in the column mapping.</source>
        <translation>列对应中有未知字段 {field!r}。</translation>
    </message>
    <message>
        <source>The file has no column {header!r} (for {field}). Check that you chose the right file, or change the column mapping.</source>
        <translation>文件中没有列 {header!r}（用于{field}）。请检查是否选对了文件，或修改列对应。</translation>
    </message>
    <message>
        <source>the order number is empty</source>
        <translation>订单号为空</translation>
    </message>
    <message>
        <source>{reason}. Write the amount in yuan, such as 59.00 or 1,259.50.</source>
        <translation>{reason}。请以“元”为单位填写金额，例如 59.00 或 1,259.50。</translation>
    </message>
    <message>
        <source>this row and row {other} are both order {order} but differ (this export has one row per order: they cannot both be right, e.g. files of different days put together). Delete the older row, or export the orders again, and import the file again.</source>
        <extracomment>Record fields made from another column (or several): the column a conflict is named by.</extracomment>
        <translation>此行与第 {other} 行都是订单 {order}，但内容不同（此导出文件每个订单只有一行，两行不可能都对，例如把不同日期的文件拼在了一起）。请删除较旧的那一行，或重新从平台导出订单，然后再次导入。</translation>
    </message>
    <message>
        <source>this row and row {other} are both sub-order {number} but differ (e.g. files of different days put together). Delete the older row, or export the orders again, and import the file again.</source>
        <translation>此行与第 {other} 行都是子订单 {number}，但内容不同（例如把不同日期的文件拼在了一起）。请删除较旧的那一行，或重新从平台导出订单，然后再次导入。</translation>
    </message>
    <message>
        <source>the rows of order {order} from this row on repeat its goods from row {other} but differ (e.g. its status or tracking number: files of different days put together). Delete the older rows, or export the orders again, and import the file again.</source>
        <translation>订单 {order} 从这一行起的几行重复了第 {other} 行起的同一批商品，但内容不同（例如订单状态或运单号不同：拼接了不同日期导出的文件）。请删除较早的那几行，或重新导出订单，然后再导入。</translation>
    </message>
    <message>
        <source>the order number is empty and there is no order above this row for it to belong to (a 1688 order&apos;s further goods lines leave the order number empty; its first row must have it)</source>
        <translation>订单编号为空，且此行上方没有可归属的订单（1688 订单的后续货品行不填订单编号，但订单的第一行必须有）</translation>
    </message>
    <message>
        <source>{name}: {problem}</source>
        <extracomment>Called from the worker thread with (phase, done, total); phase is an English word.</extracomment>
        <translation>{name}：{problem}</translation>
    </message>
    <message>
        <source>The import was cancelled. Nothing was imported.</source>
        <translation>导入已取消，未导入任何数据。</translation>
    </message>
    <message>
        <source>Unknown format {format!r}. Use one of: auto, {formats}.</source>
        <translation>未知格式 {format!r}。请使用以下之一：auto、{formats}。</translation>
    </message>
    <message>
        <source>The column mapping lacks: Order status. Choose the column that holds it.</source>
        <translation>列对应中缺少：订单状态。请选择包含订单状态的列。</translation>
    </message>
    <message>
        <source>the quantity must be at least 1</source>
        <translation>数量至少为 1</translation>
    </message>
    <message>
        <source>the amount cannot be negative</source>
        <translation>金额不能为负数</translation>
    </message>
    <message>
        <source>the order status is empty</source>
        <translation>订单状态为空</translation>
    </message>
    <message>
        <source>The file&apos;s layout was not recognised as a Taobao/Tmall, Pinduoduo, Douyin, Kuaishou or 1688 order export. Choose the format, or map its columns yourself.</source>
        <translation>无法识别该文件为淘宝/天猫、拼多多、抖店、快手或 1688 订单导出文件。请选择格式，或自行对应各列。</translation>
    </message>
    <message>
        <source>The file&apos;s orders belong to the shop {name!r}, which is not here yet. Import them with --shop {name!r} to create it (or --shop with the name of the shop they belong to).</source>
        <translation>文件中的订单属于店铺 {name!r}，本软件中还没有这个店铺。请用 --shop {name!r} 导入以新建该店铺（或用 --shop 指定订单所属的店铺）。</translation>
    </message>
    <message>
        <source>The file holds orders of several shops ({names}). Export one shop&apos;s orders per file, or say which shop they belong to with --shop NAME.</source>
        <translation>文件中包含多个店铺的订单（{names}）。请每个店铺单独导出一个文件，或用 --shop 店铺名 指定订单所属的店铺。</translation>
    </message>
    <message>
        <source>There is no shop for {label} orders yet. Name the shop these orders belong to with --shop NAME (it will be created).</source>
        <translation>还没有用于{label}订单的店铺。请用 --shop NAME 指定这些订单所属的店铺（将自动创建）。</translation>
    </message>
    <message>
        <source>There are several shops for {label} orders ({names}). Say which shop these orders belong to with --shop NAME.</source>
        <translation>有多个店铺可用于{label}订单（{names}）。请用 --shop NAME 指定这些订单所属的店铺。</translation>
    </message>
    <message>
        <source>The file has to be read whole first. Nothing was imported; try again.</source>
        <translation>需要先完整读取该文件。未导入任何数据，请重试。</translation>
    </message>
    <message>
        <source>{name} was only partly read by an import that stopped. Import it again.</source>
        <translation>{name} 仅被中途停止的导入读取了一部分。请重新导入该文件。</translation>
    </message>
    <message>
        <source>{name} has {count} problem(s); nothing was imported. Correct the file (or the column mapping) and import it again.
{problems}</source>
        <translation>{name} 有 {count} 个问题，未导入任何数据。请改正文件（或列对应）后重新导入。
{problems}</translation>
    </message>
    <message>
        <source>{name} holds no orders; nothing was imported.</source>
        <translation>{name} 中没有订单，未导入任何数据。</translation>
    </message>
    <message>
        <source>The shop {name!r} is a {platform} shop, but this file is a {format} export: its orders cannot go into that shop. Check that you chose the right file, or name this file&apos;s shop with --shop (a new name creates a new shop).</source>
        <translation>店铺 {name!r} 是{platform}店铺，但此文件是{format}的导出文件：其订单不能导入该店铺。请检查是否选对了文件，或用 --shop 为此文件的店铺另起名称（新名称会新建店铺）。</translation>
    </message>
    <message>
        <source>Enter a name for the new shop.</source>
        <translation>请输入新店铺的名称。</translation>
    </message>
    <message>
        <source>A {platform} shop cannot receive this file&apos;s orders.</source>
        <translation>{platform}店铺不能导入该文件中的订单。</translation>
    </message>
    <message>
        <source>A {platform} shop is already named {name!r}. Give the new shop another name, for example with the platform in it.</source>
        <translation>已有一个名为 {name!r} 的{platform}店铺。请给新店铺换个名字，例如在名字里加上平台。</translation>
    </message>
    <message>
        <source>This is an item report (宝贝报表): it adds goods lines to orders already imported, so it cannot go into a new shop. Choose the shop whose order report (订单报表) you imported.</source>
        <translation>这是宝贝报表：它为已导入的订单补充商品明细，不能导入到新店铺。请选择已导入其订单报表的店铺。</translation>
    </message>
    <message>
        <source>Choose the shop these orders belong to.</source>
        <translation>请选择这些订单所属的店铺。</translation>
    </message>
    <message>
        <source>The chosen shop no longer exists. Choose another one.</source>
        <translation>所选店铺已不存在，请另选一个。</translation>
    </message>
    <message>
        <source>The chosen shop is a {platform} shop; this file is a {format} export. Choose a matching shop.</source>
        <translation>所选店铺是{platform}店铺，而该文件是{format}导出的订单。请选择相符的店铺。</translation>
    </message>
    <message>
        <source>The number of demo orders cannot be negative.</source>
        <translation>演示订单数量不能为负数。</translation>
    </message>
    <message>
        <source>The export was cancelled. No file was written.</source>
        <extracomment>Called with (done, total) from the thread running the export.</extracomment>
        <translation>导出已取消，未写入任何文件。</translation>
    </message>
    <message>
        <source>Unknown export format {format!r}; use xlsx or csv.</source>
        <translation>未知的导出格式 {format!r}，请使用 xlsx 或 csv。</translation>
    </message>
    <message>
        <source>Cannot write {name}: {reason}. Check that the folder exists, that the file is not open in Excel or WPS, and that the disk is not full.</source>
        <extracomment>Columns of the mapping file (Chinese headers, as sellers edit it in Excel/WPS).</extracomment>
        <translation>无法写入 {name}：{reason}。请检查文件夹是否存在、文件是否已在 Excel 或 WPS 中打开，以及磁盘空间是否已满。</translation>
    </message>
    <message>
        <source>This order no longer exists; it may have been deleted.</source>
        <translation>该订单已不存在，可能已被删除。</translation>
    </message>
    <message>
        <source>The buyer data of this order was removed (personal data deletion); it cannot be shown any more.</source>
        <translation>该订单的买家信息已删除（个人信息清理），无法再显示。</translation>
    </message>
    <message>
        <source>This supplier order no longer exists; it may have been deleted.</source>
        <translation>该1688订单已不存在，可能已被删除。</translation>
    </message>
    <message>
        <source>The sales order no longer exists; it may have been deleted.</source>
        <translation>该店铺订单已不存在，可能已被删除。</translation>
    </message>
    <message>
        <source>1688 order {order} already belongs to order {other}. Only supplier orders awaiting a match can be linked.</source>
        <translation>1688订单 {order} 已关联到订单 {other}。只有待关联的1688订单才能关联。</translation>
    </message>
    <message>
        <source>Enter a number of days between {min} and {max} for deleting old buyer data.</source>
        <translation>删除旧买家信息的天数请输入 {min} 到 {max} 之间的数字。</translation>
    </message>
    <message>
        <source>Enter a name for the account.</source>
        <translation>请输入账号名称。</translation>
    </message>
    <message>
        <source>The name is longer than 100 characters.</source>
        <translation>名称超过 100 个字符。</translation>
    </message>
    <message>
        <source>An account named “{name}” already exists.</source>
        <translation>已存在名为“{name}”的账号。</translation>
    </message>
    <message>
        <source>The 1688 member id is longer than 100 characters.</source>
        <translation>1688会员ID超过 100 个字符。</translation>
    </message>
    <message>
        <source>Choose a connector (manual if unsure).</source>
        <translation>请选择连接方式（不确定时选“手动”）。</translation>
    </message>
    <message>
        <source>The account has invalid fields.</source>
        <translation>账号信息有误。</translation>
    </message>
    <message>
        <source>This cancellation request no longer exists.</source>
        <translation>该取消申请已不存在。</translation>
    </message>
    <message>
        <source>An order appears twice in the batch; each order is cancelled once.</source>
        <translation>同一订单在本批中出现了两次；每个订单只能取消一次。</translation>
    </message>
    <message>
        <source>1688 order {order} no longer exists in the app; nothing was sent.</source>
        <translation>软件中已没有1688订单 {order}，未发送任何请求。</translation>
    </message>
    <message>
        <source>1688 order {order} was changed meanwhile; start again. Nothing was sent.</source>
        <translation>1688订单 {order} 在此期间已有变动，请重新开始。未发送任何请求。</translation>
    </message>
    <message>
        <source>1688 order {order} already has a cancellation under way; nothing was sent. Close the wizard and look at that order&apos;s requests.</source>
        <translation>1688订单 {order} 已有进行中的取消申请，未发送任何请求。请关闭向导，查看该订单的申请记录。</translation>
    </message>
    <message>
        <source>The request for 1688 order {order} is “{state}”; it cannot be sent again.</source>
        <translation>1688订单 {order} 的申请状态为“{state}”，无法再次发送。</translation>
    </message>
    <message>
        <source>The request for 1688 order {order} is “{state}”, not waiting for an answer.</source>
        <translation>1688订单 {order} 的申请状态为“{state}”，并非在等待确认。</translation>
    </message>
    <message>
        <source>The request for 1688 order {order} is “{state}”; it is not waiting to be sent.</source>
        <extracomment>Runs one database step of a network job and returns its result (NetworkWorker.run_db).</extracomment>
        <translation>1688订单 {order} 的申请状态为“{state}”，并非在等待发送。</translation>
    </message>
    <message>
        <source>Only failed requests can be retried; the request for 1688 order {order} is “{state}”.</source>
        <translation>只能重试失败的申请；1688订单 {order} 的申请状态为“{state}”。</translation>
    </message>
    <message>
        <source>1688 order {order} already has a cancellation under way; it is not sent again.</source>
        <translation>1688订单 {order} 已有进行中的取消申请，不会再次发送。</translation>
    </message>
    <message>
        <source>The request for 1688 order {order} is “{state}”, not interrupted.</source>
        <translation>1688订单 {order} 的申请状态为“{state}”，并未中断。</translation>
    </message>
    <message>
        <source>“{outcome}” is not a possible outcome of this request.</source>
        <translation>“{outcome}”不是该申请可能的结果。</translation>
    </message>
    <message>
        <source>This shop order status cannot be set by hand.</source>
        <extracomment>What the seller can say happened on the shop after cancelling on 1688.</extracomment>
        <translation>这个店铺订单状态不能手动设置。</translation>
    </message>
    <message>
        <source>The connector “{kind}” is not available in this version of the app. Edit the distribution account and choose the manual connector.</source>
        <extracomment>The seller acts on 1688 in the browser and confirms each action in the app. ``list_orders``/``fetch_order`` return the platform&apos;s data. Places 1688 orders itself (:class:`~.base.OrderingConnector`). Opens 1688 pages in the browser; its factory takes ``open_url``. Simulated: for tests and demos, changes no real order. Reads and withdraws refund applications itself (:class:`~.capabilities.TracksRefunds`). Talks to the platform over the network: its calls run on the network worker, never on the UI thread or the database worker.</extracomment>
        <translation>当前版本的软件不支持连接方式“{kind}”。请编辑分销账号，改用“手动”连接方式。</translation>
    </message>
    <message>
        <source>The data folder {path} is a file, not a folder. Choose a folder for the data (--data-dir).</source>
        <extracomment>Holder kinds: the app&apos;s window, or a writing command-line command.</extracomment>
        <translation>数据文件夹 {path} 是一个文件，不是文件夹。请为数据选择一个文件夹（--data-dir）。</translation>
    </message>
    <message>
        <source>The data folder {path} cannot be used: {reason}. Choose a folder you can write to (--data-dir).</source>
        <translation>无法使用数据文件夹 {path}：{reason}。请选择一个可以写入的文件夹（--data-dir）。</translation>
    </message>
    <message>
        <source>Dropship Desktop is already open with this data folder (process {process}). Switch to that window, or close it first.</source>
        <translation>一件代发助手已用此数据文件夹打开（进程 {process}）。请切换到那个窗口，或先将其关闭。</translation>
    </message>
    <message>
        <source>Dropship Desktop is already open with this data folder. Switch to that window, or close it first.</source>
        <translation>一件代发助手已用此数据文件夹打开。请切换到那个窗口，或先将其关闭。</translation>
    </message>
    <message>
        <source>Dropship Desktop cannot save passwords or keys on this computer: no secure credential store (such as Windows Credential Manager) is available. Nothing was saved. You will need to enter them again each time.</source>
        <extracomment>The keyring &quot;service&quot; under which every secret of the app is filed.</extracomment>
        <translation>一件代发助手无法在这台电脑上保存密码或密钥：没有可用的安全凭据存储（如 Windows 凭据管理器）。未保存任何内容，以后每次都需要重新输入。</translation>
    </message>
    <message>
        <source>The computer&apos;s credential store refused to save the key. Nothing was saved. Unlock the credential store (or sign in again) and retry.</source>
        <translation>电脑的凭据存储拒绝保存密钥，未保存任何内容。请解锁凭据存储（或重新登录系统）后重试。</translation>
    </message>
    <message>
        <source>The computer&apos;s credential store refused to delete the key. Unlock it and retry.</source>
        <translation>电脑的凭据存储拒绝删除密钥。请解锁后重试。</translation>
    </message>
    <message>
        <source>{path} is a folder, not a database file.</source>
        <extracomment>Another program&apos;s SQLite file: refused, never changed.
----------
Applied on every connection (peewee connects once per thread). Read-only opening: no WAL switch (it would write), and any write attempt fails at once. The deferred database. Write transactions use ``db.atomic()`` which begins IMMEDIATE. Called with (path, from_version, to_version) before a migration touches an existing database.</extracomment>
        <translation>{path} 是文件夹，不是数据库文件。</translation>
    </message>
    <message>
        <source>The database file {path} cannot be read ({reason}). Check that the file is not open in another program and that you may read it.</source>
        <translation>无法读取数据库文件 {path}（{reason}）。请检查该文件是否被其他程序占用，以及您是否有读取权限。</translation>
    </message>
    <message>
        <source>the database file is empty (0 bytes) although there are backups</source>
        <extracomment>Written next to the database when the background full check finds damage.</extracomment>
        <translation>数据库文件是空的（0 字节），但存在备份</translation>
    </message>
    <message>
        <source>The database {path} is damaged ({problem}). Start the app to move it aside and open the newest backup, or restore one with &apos;dropship-desktop restore&apos;.</source>
        <translation>数据库 {path} 已损坏（{problem}）。启动软件即可将其移到一旁并打开最新的备份，或用 &apos;dropship-desktop restore&apos; 恢复备份。</translation>
    </message>
    <message>
        <source>There is no verified backup to open.</source>
        <translation>没有可打开的已校验备份。</translation>
    </message>
    <message>
        <source>backup</source>
        <extracomment>A start-up backup is made when the newest backup is older than this. Kinds of backup, as written in the file name. Only these are thinned; the others are the seller&apos;s or a safety net for a risky step. Tables whose row count appears in the backup list.</extracomment>
        <translation>备份</translation>
    </message>
    <message>
        <source>restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>The {action} failed: the disk is full ({parent}). Free some space and try again. Your data has not been changed.</source>
        <translation>{action}失败：磁盘已满（{parent}）。请释放一些空间后重试。您的数据没有改动。</translation>
    </message>
    <message>
        <source>The {action} failed ({reason}). Your data has not been changed. Check that {parent} exists and may be written, then try again.</source>
        <translation>{action}失败（{reason}）。您的数据没有改动。请检查 {parent} 是否存在且可写入，然后重试。</translation>
    </message>
    <message>
        <source>The backup {name} cannot be read ({reason}).</source>
        <translation>无法读取备份 {name}（{reason}）。</translation>
    </message>
    <message>
        <source>{name} is not a Dropship Desktop backup (not an SQLite file).</source>
        <translation>{name} 不是一件代发助手的备份（不是 SQLite 文件）。</translation>
    </message>
    <message>
        <source>The backup {name} is damaged ({reason}).</source>
        <translation>备份 {name} 已损坏（{reason}）。</translation>
    </message>
    <message>
        <source>The backup {name} was made by a newer version of Dropship Desktop (schema {version}). Install the newest version of the app to use it.</source>
        <translation>备份 {name} 由更新版本的一件代发助手创建（数据结构版本 {version}）。请安装最新版本的软件后再使用。</translation>
    </message>
    <message>
        <source>The backup {name} is damaged: {problem} (and {count} more problems)</source>
        <translation>备份 {name} 已损坏：{problem}（另有 {count} 个问题）</translation>
    </message>
    <message>
        <source>The backup {name} is damaged: {problem}</source>
        <translation>备份 {name} 已损坏：{problem}</translation>
    </message>
    <message>
        <source>{name} is not a Dropship Desktop backup (no order table).</source>
        <translation>{name} 不是一件代发助手的备份（没有订单表）。</translation>
    </message>
    <message>
        <source>The backup {name} does not match the database (row counts differ in {value}).</source>
        <translation>备份 {name} 与数据库不一致（{value} 的行数不同）。</translation>
    </message>
    <message>
        <source>There is no database at {db_path} to back up.</source>
        <translation>{db_path} 处没有可备份的数据库。</translation>
    </message>
    <message>
        <source>A backup cannot replace the database itself. Choose another file.</source>
        <translation>不能用数据库本身作为备份来替换它。请选择其他文件。</translation>
    </message>
    <message>
        <source>The damaged database could not be moved aside ({reason}). Close any program using {db_path} and try again.</source>
        <translation>无法移走已损坏的数据库（{reason}）。请关闭正在使用 {db_path} 的程序后重试。</translation>
    </message>
    <message>
        <source>Choose a backup file, not the database itself.</source>
        <translation>请选择备份文件，而不是数据库本身。</translation>
    </message>
    <message>
        <source>The restored database does not match the backup {name}. The database before the restore is kept in {value}.</source>
        <translation>恢复后的数据库与备份 {name} 不一致。恢复前的数据库保存在 {value}。</translation>
    </message>
    <message>
        <source>{path} is not a Dropship Desktop database (it is not an SQLite file). Choose another data folder or restore a backup.</source>
        <translation>{path} 不是一件代发助手的数据库（不是 SQLite 文件）。请选择其他数据文件夹或恢复备份。</translation>
    </message>
    <message>
        <source>The database {path} is damaged or unreadable ({reason}). Restore a backup.</source>
        <translation>数据库 {path} 已损坏或无法读取（{reason}）。请恢复备份。</translation>
    </message>
    <message>
        <source>This database was made by a newer version of Dropship Desktop (schema {version}; this version understands up to {latest_version}). It has not been changed. Install the newest version of the app to open it.</source>
        <translation>该数据库由更新版本的一件代发助手创建（数据结构版本 {version}，当前版本最高支持 {latest_version}）。数据库未做任何改动。请安装最新版本的软件后再打开。</translation>
    </message>
    <message>
        <source>This database was made by a newer version of Dropship Desktop (schema {current}).</source>
        <translation>该数据库由更新版本的一件代发助手创建（数据结构版本 {current}）。</translation>
    </message>
    <message>
        <source>The database {path} is read-only: this computer does not allow changing it. It can be opened read-only to look things up; to work with it, copy the data folder somewhere you may write, or make the file writable.</source>
        <translation>数据库 {path} 是只读的：这台电脑不允许修改它。可以以只读方式打开以便查询；如需正常使用，请把数据文件夹复制到可写入的位置，或将该文件设为可写。</translation>
    </message>
    <message>
        <source>The database {path} could not be opened ({reason}). If another copy of the app is using it, close that copy; if the disk is full or read-only, free space or choose another data folder.</source>
        <translation>无法打开数据库 {path}（{reason}）。如果另一个软件窗口正在使用它，请先关闭；如果磁盘已满或只读，请释放空间或选择其他数据文件夹。</translation>
    </message>
    <message>
        <source>There is no database at {path} to open read-only.</source>
        <translation>{path} 处没有可以只读打开的数据库。</translation>
    </message>
    <message>
        <source>The database {path} is read-only and was made by an older version of the app; it needs an update that cannot be written. Copy the data folder somewhere you may write and open it there.</source>
        <translation>数据库 {path} 是只读的，且由旧版本软件创建，需要升级但无法写入。请把数据文件夹复制到可写入的位置后再打开。</translation>
    </message>
    <message>
        <source>The database {path} could not be opened read-only ({reason}).</source>
        <translation>无法以只读方式打开数据库 {path}（{reason}）。</translation>
    </message>
    <message>
        <source>The disk is full, so the change was not saved. Nothing was changed. Free some disk space and try again.</source>
        <extracomment>The file behind :data:`db` (its ``database`` may be a URI) and whether it is read-only.</extracomment>
        <translation>磁盘已满，修改未保存，数据没有任何改动。请释放一些磁盘空间后重试。</translation>
    </message>
    <message>
        <source>The database is read-only, so the change was not saved. Nothing was changed.</source>
        <translation>数据库是只读的，修改未保存，数据没有任何改动。</translation>
    </message>
    <message>
        <source>The database is busy in another program, so the change was not saved. Nothing was changed. Close other programs using it and try again.</source>
        <translation>数据库正被其他程序占用，修改未保存，数据没有任何改动。请关闭正在使用它的其他程序后重试。</translation>
    </message>
    <message>
        <source>The disk reported an error while saving, so the change was not saved. Nothing was changed. Check the disk (or the USB drive or network folder) and try again.</source>
        <translation>保存时磁盘报错，修改未保存，数据没有任何改动。请检查磁盘（或U盘、网络文件夹）后重试。</translation>
    </message>
    <message>
        <source>The database {path} is in use by another program, so it cannot be opened now. Close other copies of the app and programs using the file, then try again.</source>
        <translation>数据库 {path} 正被其他程序使用，暂时无法打开。请关闭本软件的其他副本以及正在使用该文件的程序，然后重试。</translation>
    </message>
    <message>
        <source>Tier {tier}: quantity must be positive (got {qty}).</source>
        <translation>第 {tier} 档：数量必须大于 0（当前为 {qty}）。</translation>
    </message>
    <message>
        <source>Tier {tier}: price must be positive (got {price} fen).</source>
        <translation>第 {tier} 档：价格必须大于 0（当前为 {price} 分）。</translation>
    </message>
    <message>
        <source>Tier {tier}: quantity {qty} must be greater than the previous tier&apos;s {previous}.</source>
        <translation>第 {tier} 档：数量 {qty} 必须大于上一档的 {previous}。</translation>
    </message>
    <message>
        <source>No database at {path}. Start the app once or run &apos;demo&apos; first.</source>
        <extracomment>Orders created the first time ``--demo`` opens an empty demo database (app and commands).</extracomment>
        <translation>{path} 处没有数据库。请先启动一次本软件，或先运行“demo”命令。</translation>
    </message>
    <message>
        <source>{file} already exists: nothing was written. Choose another file name, or add --overwrite to replace it.</source>
        <translation>{file} 已存在：没有写入任何内容。请换一个文件名，或加上 --overwrite 覆盖它。</translation>
    </message>
    <message>
        <source>{path} is the database of another program, not of Dropship Desktop. It has not been changed. Choose another data folder, or move that file elsewhere.</source>
        <extracomment>Tables every version of our schema has; an unmarked file holding none of them is not ours.</extracomment>
        <translation>{path} 是其他程序的数据库，不是一件代发助手的数据库。它未被改动。请选择其他数据文件夹，或把该文件移到别处。</translation>
    </message>
    <message>
        <source>it holds no tables</source>
        <translation>其中没有任何数据表</translation>
    </message>
    <message>
        <source>its schema version is missing ({version})</source>
        <translation>缺少结构版本号（{version}）</translation>
    </message>
    <message>
        <source>table(s) missing: {tables}</source>
        <translation>缺少数据表：{tables}</translation>
    </message>
    <message>
        <source>The database {path} is damaged ({reason}). Restore a backup.</source>
        <translation>数据库 {path} 已损坏（{reason}）。请恢复备份。</translation>
    </message>
    <message>
        <source>Dropship Desktop is open with this data folder (process {process}), so this command could not run: nothing was changed. Close the app first, or do this in the app.</source>
        <extracomment>How long a command waits for another command to finish.</extracomment>
        <translation>一件代发助手正在使用这个数据文件夹（进程 {process}），因此该命令未能运行，没有任何改动。请先关闭软件，或在软件中完成此操作。</translation>
    </message>
    <message>
        <source>This database already holds demo data. To make it again, choose an empty data folder (for example with --data-dir), or delete the demo folder first.</source>
        <extracomment>Tables whose rows are a seller&apos;s work (anything in them means the database is in use).</extracomment>
        <translation>这个数据库已有演示数据。如要重新生成，请选择一个空的数据文件夹（例如用 --data-dir），或先删除演示文件夹。</translation>
    </message>
    <message>
        <source>This database holds your own data (shops, suppliers or orders). Demo data is only written into an empty database and never mixed with real data; choose another data folder (for example with --data-dir or --demo).</source>
        <translation>这个数据库存有您自己的数据（店铺、供应商或订单）。演示数据只会写入空数据库，绝不会与真实数据混在一起；请选择其他数据文件夹（例如用 --data-dir 或 --demo）。</translation>
    </message>
    <message>
        <source>Cannot read the column mapping {path}: {reason}</source>
        <extracomment>The ``what`` of ``import`` / ``export`` handled here.</extracomment>
        <translation>无法读取列对应文件 {path}：{reason}</translation>
    </message>
    <message>
        <source>The column mapping {path} must be a JSON object of field names and column names, such as {example}.</source>
        <translation>列对应文件 {path} 必须是字段名到列名的 JSON 对象，例如 {example}。</translation>
    </message>
    <message>
        <source>No such file: {path}</source>
        <translation>文件不存在：{path}</translation>
    </message>
    <message>
        <source>A “{kind}” case cannot go from “{current}” to “{target}”.</source>
        <extracomment>Allowed buyer-side steps per kind: state → next states, in the order the UI offers them. Kinds where goods travel back (to the seller&apos;s supplier) before money or a replacement does. What a 1688 refund application&apos;s ``status`` means for the supplier side of a case. ``refundclose`` is a refusal by the supplier or a withdrawal made on 1688: either way nothing is recovered on that application, and the seller may ask again.</extracomment>
        <translation>“{kind}”售后不能从“{current}”变为“{target}”。</translation>
    </message>
    <message>
        <source>Enter the amount refunded to the buyer.</source>
        <translation>请填写退给买家的金额。</translation>
    </message>
    <message>
        <source>The refund ({amount}) is more than the buyer paid ({paid}).</source>
        <translation>退款（{amount}）超过了买家实付（{paid}）。</translation>
    </message>
    <message>
        <source>An amount cannot be negative.</source>
        <translation>金额不能为负数。</translation>
    </message>
    <message>
        <source>The tracking number is too long.</source>
        <translation>运单号太长。</translation>
    </message>
    <message>
        <source>The supplier side of a “{kind}” case cannot go from “{current}” to “{target}”.</source>
        <translation>“{kind}”售后的供应商端不能从“{current}”变为“{target}”。</translation>
    </message>
    <message>
        <source>This order has no 1688 order to ask a refund on. Link its 1688 order first.</source>
        <translation>此订单没有可申请退款的1688订单。请先关联它的1688订单。</translation>
    </message>
    <message>
        <source>Enter the tracking number of the parcel sent back to the supplier.</source>
        <translation>请填写退回供应商的包裹运单号。</translation>
    </message>
    <message>
        <source>Enter the amount the supplier refunded.</source>
        <translation>请填写供应商退回的金额。</translation>
    </message>
    <message>
        <source>The supplier&apos;s refund ({amount}) is more than was paid on 1688 ({paid}).</source>
        <translation>供应商退款（{amount}）超过了1688实付金额（{paid}）。</translation>
    </message>
    <message>
        <source>The after-sales case no longer exists.</source>
        <extracomment>``supplier_pending`` values: what was sent to 1688 and not yet answered.</extracomment>
        <translation>该售后单已不存在。</translation>
    </message>
    <message>
        <source>The order no longer exists.</source>
        <extracomment>The fraud checks&apos; buyer event for each case kind that gives money back (#18).</extracomment>
        <translation>该订单已不存在。</translation>
    </message>
    <message>
        <source>Unknown after-sales kind: {kind}.</source>
        <translation>未知的售后类型：{kind}。</translation>
    </message>
    <message>
        <source>The amount asked back is more than the buyer paid.</source>
        <translation>申请金额超过了买家实付金额。</translation>
    </message>
    <message>
        <source>The text is too long.</source>
        <translation>文字太长。</translation>
    </message>
    <message>
        <source>That 1688 order does not belong to this order.</source>
        <translation>该1688订单不属于此订单。</translation>
    </message>
    <message>
        <source>Ask the supplier through “Ask supplier on 1688”.</source>
        <translation>请通过“在1688向供应商申请”向供应商申请。</translation>
    </message>
    <message>
        <source>A request to 1688 for this case was sent and its answer is not recorded. Check on 1688 and say whether it went through first.</source>
        <translation>此售后单已向1688提交过申请，但结果未记录。请先到1688上核实，并确认是否成功。</translation>
    </message>
    <message>
        <source>Enter the amount to ask the supplier for.</source>
        <translation>请填写向供应商申请的金额。</translation>
    </message>
    <message>
        <source>The amount is more than was paid on 1688 ({paid}).</source>
        <translation>金额超过了1688实付金额（{paid}）。</translation>
    </message>
    <message>
        <source>The description must be 2 to 150 characters long.</source>
        <translation>退款说明须为 2 到 150 个字。</translation>
    </message>
    <message>
        <source>Choose a refund reason.</source>
        <translation>请选择退款原因。</translation>
    </message>
    <message>
        <source>This case has no 1688 refund application to look up. Ask the supplier on 1688 first, or record what the supplier did.</source>
        <extracomment>Runs one database step of a network job and returns its result (``NetworkWorker.run_db``).</extracomment>
        <translation>此售后单没有可查询的 1688 退款申请。请先在 1688 向供应商申请，或记录供应商的处理结果。</translation>
    </message>
    <message>
        <source>1688 could not be reached: {reason} Nothing was changed; try again.</source>
        <translation>无法连接 1688：{reason} 没有做任何更改，请重试。</translation>
    </message>
    <message>
        <source>1688 has no refund application {refund_id} for order {order}. Check the order on 1688 and record what the supplier did.</source>
        <translation>1688 订单 {order} 没有退款申请 {refund_id}。请到 1688 查看该订单，并记录供应商的处理结果。</translation>
    </message>
    <message>
        <source>1688 reports the application as “{status}”, which does not follow from “{state}” here. Check it on 1688 and record what the supplier did.</source>
        <translation>1688 显示该申请为“{status}”，与这里的“{state}”衔接不上。请到 1688 查看，并记录供应商的处理结果。</translation>
    </message>
    <message>
        <source>An application that is “{state}” cannot be withdrawn any more.</source>
        <translation>状态为“{state}”的申请已不能撤销。</translation>
    </message>
    <message>
        <source>Choose the channel and the direction of the contact.</source>
        <translation>请选择联系渠道和方向。</translation>
    </message>
    <message>
        <source>The contact time is in the future.</source>
        <translation>联系时间不能晚于现在。</translation>
    </message>
    <message>
        <source>A template needs a name and a text.</source>
        <translation>模板需要名称和内容。</translation>
    </message>
    <message>
        <source>The template no longer exists.</source>
        <translation>该模板已不存在。</translation>
    </message>
    <message>
        <source>A response window must be 1 to 2400 hours.</source>
        <translation>处理时限须为 1 到 2400 小时。</translation>
    </message>
    <message>
        <source>No shop named “{shop}”. The shops are: {names}.</source>
        <translation>没有名为“{shop}”的店铺。现有店铺：{names}。</translation>
    </message>
    <message>
        <source>No such file: {file}</source>
        <translation>文件不存在：{file}</translation>
    </message>
    <message>
        <source>“{value}” is not a 1688 Offer ID or offer link (the digits of detail.1688.com/offer/…html).</source>
        <translation>“{value}”不是 1688 商品 ID 或商品链接（即 detail.1688.com/offer/…html 中的数字）。</translation>
    </message>
    <message>
        <source>Give the 1688 Offer ID (or pick one of your offers).</source>
        <translation>请填写 1688 商品 ID（或选择一个已有货源）。</translation>
    </message>
    <message>
        <source>The pieces per item must be 1–1000 (got {value}).</source>
        <translation>每件数量须为 1–1000（填写的是 {value}）。</translation>
    </message>
    <message>
        <source>“{value}” is not a 1688 spec id.</source>
        <translation>“{value}”不是 1688 规格 ID。</translation>
    </message>
    <message>
        <source>The shop listing has no item id, 商家编码 or title to be recognised by.</source>
        <translation>该店铺商品没有商品 ID、商家编码或标题，无法识别。</translation>
    </message>
    <message>
        <source>The chosen offer no longer exists.</source>
        <translation>所选货源已不存在。</translation>
    </message>
    <message>
        <source>This mapping no longer exists.</source>
        <translation>该关联已不存在。</translation>
    </message>
    <message>
        <source>The mapping was not saved: {problems}</source>
        <translation>关联未保存：{problems}</translation>
    </message>
    <message>
        <source>{file} is not a mapping file: it needs the columns 店铺, 1688商品ID and at least one of 商品ID, SKU ID, 商家编码, 商品标题 (export the mapping table to get one).</source>
        <translation>{file} 不是商品关联文件：需要“店铺”“1688商品ID”两列，以及“商品ID”“SKU ID”“商家编码”“商品标题”中至少一列（可先导出关联表作为模板）。</translation>
    </message>
    <message>
        <source>no shop named “{shop}”</source>
        <translation>没有名为“{shop}”的店铺</translation>
    </message>
    <message>
        <source>状态 must be 已确认 or 待确认 (got “{value}”)</source>
        <translation>状态须为“已确认”或“待确认”（填写的是“{value}”）</translation>
    </message>
    <message>
        <source>每件数量 must be a whole number (got “{value}”)</source>
        <translation>每件数量须为整数（填写的是“{value}”）</translation>
    </message>
    <message>
        <source>优先级 must be a whole number (got “{value}”)</source>
        <translation>优先级须为整数（填写的是“{value}”）</translation>
    </message>
    <message>
        <source>Row {row}: {problems}</source>
        <translation>第 {row} 行：{problems}</translation>
    </message>
    <message>
        <source>Nothing was imported from {file}. Correct these rows and import it again:
{problems}</source>
        <translation>{file} 未导入任何内容。请修改以下各行后重新导入：
{problems}</translation>
    </message>
    <message>
        <source>This purchase no longer exists.</source>
        <extracomment>Paid orders whose summary says no live 1688 order, along the partial index of migration 9 (the terms must match the index&apos;s WHERE word for word); _NO_LIVE_SUPPLIER re-checks them.</extracomment>
        <translation>该采购记录已不存在。</translation>
    </message>
    <message>
        <source>The purchase for this order is “{state}”; it cannot be changed that way.</source>
        <translation>该订单的采购状态为“{state}”，不能这样修改。</translation>
    </message>
    <message>
        <source>A 1688 order for this shop order is already “{state}”. Paste its 1688 number, or say it was not ordered, before ordering again.</source>
        <translation>该店铺订单的 1688 采购已是“{state}”。请先粘贴其 1688 订单号，或标记为未下单，再重新下单。</translation>
    </message>
    <message>
        <source>This shop order already has the live 1688 order {order}. Choose “Order again” only if that one will not ship (for example the supplier ran out).</source>
        <translation>该店铺订单已有有效的 1688 订单 {order}。只有在该订单无法发货时（例如供应商缺货）才选择“重新下单”。</translation>
    </message>
    <message>
        <source>This order cannot be placed yet: {problems}.</source>
        <translation>该订单暂时不能下单：{problems}。</translation>
    </message>
    <message>
        <source>The lines of this order come from {count} suppliers; 1688 takes one supplier per order. Place it by hand, one 1688 order per supplier.</source>
        <translation>该订单的商品来自 {count} 个供应商；1688 每个订单只能对应一个供应商。请手动下单，每个供应商一个 1688 订单。</translation>
    </message>
    <message>
        <source>A 1688 order for this shop order is already being placed.</source>
        <translation>该店铺订单的 1688 订单正在下单中。</translation>
    </message>
    <message>
        <source>1688 order {order} already belongs to order {other}. Check the number.</source>
        <translation>1688 订单 {order} 已属于订单 {other}，请核对单号。</translation>
    </message>
    <message>
        <source>No 1688 order number found in “{text}”. Copy the order number (订单号, the long number on the 1688 order page) and paste it here.</source>
        <translation>在“{text}”中没有找到 1688 订单号。请复制 1688 订单页上的订单号（一长串数字）粘贴到这里。</translation>
    </message>
    <message>
        <source>This distribution account cannot place orders through the 1688 API; place it by hand on 1688.</source>
        <translation>该分销账号不能通过 1688 接口下单，请在 1688 上手动下单。</translation>
    </message>
    <message>
        <source>This connector cannot look orders up. Check 1688&apos;s order list for the message {order}, then paste the number or say it was not ordered.</source>
        <translation>该连接方式不能查询订单。请在 1688 订单列表中查找留言为 {order} 的订单，然后粘贴订单号或标记为未下单。</translation>
    </message>
    <message>
        <source>This purchase was sent through another distribution account; look it up with that account.</source>
        <translation>这笔采购是通过另一个分销账号发出的，请用那个账号查找。</translation>
    </message>
    <message>
        <source>Choose a file name ending in .xlsx or .csv (got “{file}”).</source>
        <translation>请选择以 .xlsx 或 .csv 结尾的文件名（当前为“{file}”）。</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <source>No order to put on a purchase list: every waiting order is blocked (no mapping, receiver hidden, cancelled) or already being placed.</source>
        <translation>没有可放入采购清单的订单：所有待下单订单都被阻止（未关联货源、收货信息为密文、已取消）或正在下单。</translation>
    </message>
    <message>
        <source>{file} cannot be written: it may be open in Excel or WPS. Close it and try again.</source>
        <extracomment>Paid orders whose summary says the 1688 side shipped, along the partial index of migration 9 (terms word for word as in the index); _HAS_TRACKING re-checks the supplier orders. Not yet sent to the shop with the tracking number the 1688 side has now (a changed number counts as not sent).</extracomment>
        <translation>无法写入 {file}：文件可能已在 Excel 或 WPS 中打开。请关闭后重试。</translation>
    </message>
    <message>
        <source>{file} cannot be written: {reason}</source>
        <translation>无法写入 {file}：{reason}</translation>
    </message>
    <message>
        <source>No order to write: the {count} order(s) waiting have a carrier the platform does not list; ship them on the shop by hand.</source>
        <translation>没有可写入的订单：等待发货的 {count} 个订单的物流公司不在平台列表中，请在店铺后台手动发货。</translation>
    </message>
    <message>
        <source>No order to write: the {count} order(s) waiting were written to a batch-ship file already, with the same tracking numbers. Upload that file on the shop; to write them again, include the orders already sent.</source>
        <translation>没有可写入的订单：待发货的 {count} 个订单已写入过批量发货文件（运单号相同）。请在店铺后台上传该文件；如需再次写入，请包含已回传的订单。</translation>
    </message>
    <message>
        <source>No order to write: no shop order with a 1688 tracking number is waiting to be shipped.</source>
        <translation>没有可写入的订单：没有带 1688 运单号、等待发货的店铺订单。</translation>
    </message>
    <message>
        <source>{option} must be a date like 2026-11-30, not “{value}”.</source>
        <translation>{option} 必须是 2026-11-30 这样的日期，而不是“{value}”。</translation>
    </message>
    <message>
        <source>Give both --from and --to for a custom range.</source>
        <translation>自定义时间段需要同时给出 --from 和 --to。</translation>
    </message>
    <message>
        <source>--to is before --from.</source>
        <translation>--to 早于 --from。</translation>
    </message>
    <message>
        <source>--days must be between 1 and 3660.</source>
        <translation>--days 必须在 1 到 3660 之间。</translation>
    </message>
    <message>
        <source>No shop is called “{name}”. The shops are: {shops}.</source>
        <extracomment>No refunds on flagged orders (the default of a range without any). After-sales cases opened in the range: (cases, refunded, recovered, net loss) in fen. Refunds on orders the fraud checks flagged, created in the range.</extracomment>
        <translation>没有名为“{name}”的店铺。现有店铺：{shops}。</translation>
    </message>
    <message>
        <source>More than one shop is called “{name}”; rename one of them first.</source>
        <translation>有多个店铺名为“{name}”，请先将其中一个改名。</translation>
    </message>
    <message>
        <source>The warning line must be between 0.01 % and 100 %; the platforms&apos; red lines are usually a few percent.</source>
        <extracomment>Stands for live figures not read yet: the dashboard shows the summary figures first and the time-dependent ones a moment later (they are the slow part at a million orders).</extracomment>
        <translation>警戒线必须在 0.01% 到 100% 之间；平台红线通常为百分之几。</translation>
    </message>
    <message>
        <source>This shop no longer exists; it may have been deleted.</source>
        <translation>该店铺已不存在，可能已被删除。</translation>
    </message>
    <message>
        <source>&apos;risk {action}&apos; needs a FILE (.xlsx or .csv).</source>
        <translation>“risk {action}”需要一个文件（.xlsx 或 .csv）。</translation>
    </message>
    <message>
        <source>Unknown setting or missing value: {change}</source>
        <translation>未知的设置项或缺少取值：{change}</translation>
    </message>
    <message>
        <source>{key} needs a whole number.</source>
        <translation>{key} 需要一个整数。</translation>
    </message>
    <message>
        <source>The look-back window must be at least 1 day and the counts at least 2.</source>
        <extracomment>Sales statuses that are a refund in the buyer&apos;s history. When a buyer&apos;s history changes, their orders this recent (or this close before the event&apos;s order) are rescored. The blacklist file&apos;s header row (English keys, so a partner&apos;s app of any language reads it).</extracomment>
        <translation>回溯天数至少为 1 天，次数至少为 2。</translation>
    </message>
    <message>
        <source>The share code must have at least 12 letters or digits. Nothing was written.</source>
        <translation>分享码至少要有 12 个字母或数字。没有写入任何内容。</translation>
    </message>
    <message>
        <source>This order&apos;s buyer data was deleted, so its buyer cannot be blacklisted.</source>
        <translation>该订单的买家信息已删除，无法将其买家加入黑名单。</translation>
    </message>
    <message>
        <source>Choose at least one of phone, member name, address or name + phone.</source>
        <translation>请至少选择手机号、会员名、地址或姓名+手机号中的一项。</translation>
    </message>
    <message>
        <source>The order has none of the chosen buyer details (they are empty or masked by the platform). Nothing was added to the blacklist.</source>
        <translation>该订单没有所选的买家信息（为空或已被平台打码）。未加入黑名单。</translation>
    </message>
    <message>
        <source>Cannot write {name}: {problem}</source>
        <translation>无法写入 {name}：{problem}</translation>
    </message>
    <message>
        <source>{name} is not a blacklist file: {problem} Nothing was imported.</source>
        <translation>{name} 不是黑名单文件：{problem} 未导入任何内容。</translation>
    </message>
    <message>
        <source>its first row must be the headers {headers}.</source>
        <translation>第一行必须是表头 {headers}。</translation>
    </message>
    <message>
        <source>{name} is sealed with a share code: enter the code the sender gave you. Nothing was imported.</source>
        <translation>{name} 已用分享码加密：请输入发送方给你的分享码。没有导入任何内容。</translation>
    </message>
    <message>
        <source>The share code does not open {name}: check it with the sender. Nothing was imported.</source>
        <translation>该分享码无法打开 {name}：请向发送方核对。没有导入任何内容。</translation>
    </message>
    <message>
        <source>row {row} has an unknown kind or a bad digest.</source>
        <translation>第 {row} 行的类型未知或摘要无效。</translation>
    </message>
    <message>
        <source>row {row} has no valid salt.</source>
        <translation>第 {row} 行没有有效的盐值。</translation>
    </message>
    <message>
        <source>--since {value!r} is not a date: write it as 2026-11-01.</source>
        <translation>--since {value!r} 不是日期：请写成 2026-11-01 这样的格式。</translation>
    </message>
    <message>
        <source>{path} is a folder. Give a file name for the backup.</source>
        <translation>{path} 是一个文件夹。请为备份指定一个文件名。</translation>
    </message>
    <message>
        <source>{path} already exists and is not a Dropship Desktop backup; it was left as it is. Choose another file name.</source>
        <translation>{path} 已存在，且不是一件代发助手的备份文件；已保持原样未改动。请换一个文件名。</translation>
    </message>
    <message>
        <source>The column mapping {path} cannot be used ({reason}). It must be a JSON object of field names and column names, such as {example}.</source>
        <translation>列对应文件 {path} 无法使用（{reason}）。它必须是由字段名和列名组成的 JSON 对象，例如 {example}。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export orders</source>
        <translation>导出订单</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>All orders in the current list</source>
        <translation>当前列表中的全部订单</translation>
    </message>
    <message numerus="yes">
        <source>Selected orders (%n)</source>
        <translation>
            <numerusform>所选订单（%n 个）</numerusform>
        </translation>
    </message>
    <message>
        <source>File format</source>
        <translation>文件格式</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel 工作簿 (.xlsx)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (.csv)</source>
        <translation>CSV，UTF-8 (.csv)</translation>
    </message>
    <message>
        <source>Include full buyer names, phone numbers and addresses</source>
        <translation>包含买家完整的姓名、电话和地址</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Open &amp;folder</source>
        <translation>打开所在文件夹(&amp;F)</translation>
    </message>
    <message>
        <source>The file will hold buyers&apos; personal data. This export is recorded in the operation log. Keep the file safe and delete it when no longer needed.</source>
        <translation>导出的文件将包含买家个人信息，本次导出会记入操作记录。请妥善保管该文件，不再需要时及时删除。</translation>
    </message>
    <message>
        <source>Names, phone numbers and addresses are masked (张*, 138****5678).</source>
        <translation>姓名、电话和地址将打码显示（张*，138****5678）。</translation>
    </message>
    <message>
        <source>orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n order(s) to {}.</source>
        <translation>
            <numerusform>已将 %n 个订单导出到 {}。</numerusform>
        </translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Cancelled. No file was written.</source>
        <translation>已取消，未写入任何文件。</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Filter…</source>
        <translation>筛选…</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Filter column</source>
        <translation>筛选列</translation>
    </message>
    <message>
        <source>All columns</source>
        <translation>所有列</translation>
    </message>
</context>
<context>
    <name>Fulfilment</name>
    <message>
        <source>A line has no 1688 offer: map it in SKU mapping before ordering.</source>
        <extracomment>Placeholders platforms put in place of buyer data they hide (Douyin ``##密文…``, masked phones). States that count as a live purchase: a second one for the same shop order is refused. What each warning means for the seller (shown as a tooltip; translated in the UI).</extracomment>
        <translation>有商品未关联 1688 货源：请先在“商品关联”中关联再下单。</translation>
    </message>
    <message>
        <source>A line has no mapping; the best-ranked in-stock offer of its product is suggested.</source>
        <translation>有商品未关联；已建议该商品排名最高且有货的货源。</translation>
    </message>
    <message>
        <source>A line&apos;s mapping was learned from a link and is not confirmed yet.</source>
        <translation>有商品的关联是从已关联订单中学到的，尚未确认。</translation>
    </message>
    <message>
        <source>The offer was out of stock when last checked: check it or use a backup.</source>
        <translation>该货源上次核对时缺货：请核实或使用备用货源。</translation>
    </message>
    <message>
        <source>The offer&apos;s price and stock were last checked more than 7 days ago.</source>
        <translation>该货源的价格和库存已超过 7 天未核对。</translation>
    </message>
    <message>
        <source>The estimated margin is under the threshold you set.</source>
        <translation>预计利润率低于您设定的阈值。</translation>
    </message>
    <message>
        <source>The platform hid the receiver (密文): get the address from the shop&apos;s own dropship tool before ordering.</source>
        <translation>平台已隐藏收货信息（密文）：请先通过店铺后台的代发工具获取地址再下单。</translation>
    </message>
    <message>
        <source>The shop order was cancelled or is being refunded: do not order.</source>
        <translation>店铺订单已取消或正在退款：请勿下单。</translation>
    </message>
    <message>
        <source>The lines come from several suppliers: place one 1688 order per supplier.</source>
        <translation>商品来自多个供应商：每个供应商下一个 1688 订单。</translation>
    </message>
    <message>
        <source>The offer has no 1688 offer id or link: add one to the offer.</source>
        <translation>该货源没有 1688 商品 ID 或链接：请在货源中补充。</translation>
    </message>
    <message>
        <source>The fraud checks rate this order high risk: read the rules in the order&apos;s detail before you pay the supplier.</source>
        <translation>防骗检查判定此订单为高风险：付款给供应商之前，请先在订单详情中查看触发的规则。</translation>
    </message>
    <message>
        <source>carrier “{carrier}” is not on the platform&apos;s list: ship it on the shop by hand</source>
        <extracomment>Why a row was left out of a batch-ship file.</extracomment>
        <translation>物流公司“{carrier}”不在平台列表中：请在店铺后台手动发货</translation>
    </message>
    <message>
        <source>no batch-ship file for this platform</source>
        <translation>该平台没有批量发货文件</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>update product</source>
        <translation>更新商品</translation>
    </message>
    <message>
        <source>new product</source>
        <translation>新建商品</translation>
    </message>
    <message>
        <source>new supplier</source>
        <translation>新建供应商</translation>
    </message>
    <message>
        <source>offer</source>
        <translation>报价</translation>
    </message>
    <message>
        <source>Taobao / Tmall</source>
        <extracomment>``&quot;shop&quot;``: a shop platform&apos;s sold orders; ``&quot;1688&quot;``: 1688 purchase orders. What a shop export may say of the buyer and of how an order closed (the fraud rules read it).</extracomment>
        <translation>淘宝 / 天猫</translation>
    </message>
    <message>
        <source>Pinduoduo</source>
        <translation>拼多多</translation>
    </message>
    <message>
        <source>Douyin shop</source>
        <translation>抖店</translation>
    </message>
    <message>
        <source>Kuaishou shop</source>
        <translation>快手小店</translation>
    </message>
    <message>
        <source>1688 purchase orders</source>
        <translation>1688采购单</translation>
    </message>
    <message>
        <source>This app&apos;s own order export</source>
        <translation>本软件导出的订单</translation>
    </message>
    <message>
        <source>Row {row}, column {column}: {message}</source>
        <extracomment>Taobao&apos;s per-line seller codes (the item report&apos;s): the order report has 修改后的sku only.
----------
Fields only one kind of export has (the mapping dialog shows the fields of the chosen kind). What an encrypted or masked receiver field is stored as: nothing (``buyer_hidden`` says which fields the platform hid). Bits of :attr:`OrderRecord.hidden`. Kuaishou order numbers: 16 digits. A shop export no layout claims by its headers, whose order numbers all have 16 digits, is taken as Kuaishou&apos;s (:func:`detect_by_order_numbers`). How far down a file its header may sit (below a preamble such as PDD&apos;s ``订单查询导出,导出时间：…`` line or a workbook&apos;s title row). Fields only an order report has (an item report has none of them). Fields whose further candidate columns fill in a row&apos;s empty cell (see :attr:`ColumnMapping.fallbacks`). What the buyer wrote (买家留言); ``remark`` is the seller&apos;s own note. The buyer&apos;s platform account (买家会员名), where the export has it. Why a closed order closed (订单关闭原因, 取消原因) and what was refunded (退款金额): a closed order the buyer was refunded is a refund (the buyer&apos;s history), not a cancellation. Receiver fields the platform hid (``HIDDEN_*`` bits); those fields are ``&quot;&quot;``. 1688: the row continues the order above (its order number cell was empty). The platform&apos;s promised ship-by time (承诺发货时间), when the export has it.</extracomment>
        <translation>第 {row} 行，{column} 列：{message}</translation>
    </message>
    <message>
        <source>… and more problems.</source>
        <translation>……还有更多问题。</translation>
    </message>
    <message>
        <source>… and {count} more problem(s).</source>
        <translation>……还有 {count} 个问题。</translation>
    </message>
    <message>
        <source>hidden by the platform</source>
        <extracomment>What the preview shows for a receiver field the platform hid.</extracomment>
        <translation>平台已隐藏</translation>
    </message>
    <message>
        <source>{count} rows ({rows}), column {column}: {message}</source>
        <translation>{count} 行（第 {rows} 行），列 {column}：{message}</translation>
    </message>
    <message>
        <source>these</source>
        <translation>这些</translation>
    </message>
    <message>
        <source>different</source>
        <translation>其他平台</translation>
    </message>
    <message>
        <source>Order number (订单编号)</source>
        <extracomment>Canonical fields, in the order the mapping dialog shows them. Headers known for each field (PDD 售后信息 first, then Taobao / Douyin refund lists). Field names shown in messages and the mapping dialog.</extracomment>
        <translation>订单编号</translation>
    </message>
    <message>
        <source>After-sales number (售后编号)</source>
        <translation>售后编号</translation>
    </message>
    <message>
        <source>Kind (退款类型)</source>
        <translation>退款类型</translation>
    </message>
    <message>
        <source>After-sales status (售后状态)</source>
        <translation>售后状态</translation>
    </message>
    <message>
        <source>Refund amount (退款金额)</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <source>Trade amount (交易金额)</source>
        <translation>交易金额</translation>
    </message>
    <message>
        <source>Applied at (申请时间)</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <source>Agreed at (同意退款时间)</source>
        <translation>同意退款时间</translation>
    </message>
    <message>
        <source>Reason (退款原因)</source>
        <translation>退款原因</translation>
    </message>
    <message>
        <source>Goods returned? (是否需要退货)</source>
        <translation>是否需要退货</translation>
    </message>
    <message>
        <source>Return tracking no. (退货物流单号)</source>
        <translation>退货物流单号</translation>
    </message>
    <message>
        <source>Order status (订单状态)</source>
        <translation>订单状态</translation>
    </message>
    <message>
        <source>Row {row}: status “{status}” is not known to the app; the case is opened as requested and the status kept as written.</source>
        <translation>第 {row} 行：本软件不认识状态“{status}”；售后单按“买家已申请”建立，并保留原状态文字。</translation>
    </message>
    <message>
        <source>{count} row(s) without after-sales (status such as 无售后) were skipped.</source>
        <translation>已跳过 {count} 行没有售后的记录（售后状态为“无售后”等）。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Detect automatically</source>
        <extracomment>Format combo entries: (format code or &quot;&quot;, label).</extracomment>
        <translation>自动识别</translation>
    </message>
    <message>
        <source>Taobao / Tmall (已卖出的宝贝)</source>
        <translation>淘宝 / 天猫（已卖出的宝贝）</translation>
    </message>
    <message>
        <source>Pinduoduo</source>
        <translation>拼多多</translation>
    </message>
    <message>
        <source>Douyin shop</source>
        <translation>抖店</translation>
    </message>
    <message>
        <source>Kuaishou shop (快手小店)</source>
        <translation>快手小店</translation>
    </message>
    <message>
        <source>1688 purchase orders</source>
        <translation>1688采购单</translation>
    </message>
    <message>
        <source>My own column mapping</source>
        <translation>自定义列对应</translation>
    </message>
    <message>
        <source>Checking against the orders already here…</source>
        <translation>正在与已有订单比对…</translation>
    </message>
    <message>
        <source>Writing orders…</source>
        <translation>正在写入订单…</translation>
    </message>
    <message>
        <source>Updating the search index…</source>
        <translation>正在更新搜索索引…</translation>
    </message>
    <message>
        <source>Import orders</source>
        <translation>导入订单</translation>
    </message>
    <message>
        <source>Map columns…</source>
        <translation>对应列…</translation>
    </message>
    <message>
        <source>Choose the shop these orders belong to</source>
        <translation>请选择这些订单所属的店铺</translation>
    </message>
    <message>
        <source>Name of the new shop</source>
        <translation>新店铺的名称</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Shop:</source>
        <translation>店铺：</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>收货人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <source>Problems ({})</source>
        <translation>问题（{}）</translation>
    </message>
    <message>
        <source>{}
Use “Map columns…” to say which column holds what.</source>
        <translation>{}
请用“对应列…”指定每一列的内容。</translation>
    </message>
    <message>
        <source>shop orders</source>
        <translation>店铺订单</translation>
    </message>
    <message>
        <source>Rows: {rows} · Orders: {orders} · Lines: {lines} ({kind}).</source>
        <translation>行数：{rows} · 订单：{orders} · 商品行：{lines}（{kind}）。</translation>
    </message>
    <message>
        <source>{n}{more} problem(s) must be corrected in the file before it can be imported; nothing will be imported until then.</source>
        <translation>有 {n}{more} 个问题需要先在文件中改正才能导入；改正之前不会导入任何数据。</translation>
    </message>
    <message>
        <source>Each is linked to the shop order its 下游订单号 names, else matched by recipient and product; the rest wait for a match in the order list.</source>
        <translation>每个1688订单先按下游订单号关联到对应的店铺订单，其次按收货人和商品匹配；未匹配的会在订单列表中等待关联。</translation>
    </message>
    <message>
        <source>An item report (宝贝报表): it gives the orders already here their goods lines (SKU, price, quantity) and makes no new order; import the order report (订单报表) first.</source>
        <translation>这是宝贝报表：它为已导入的订单补充商品明细（商家编码、价格、数量），不会新建订单；请先导入订单报表。</translation>
    </message>
    <message>
        <source>Orders already here are updated (status, logistics), not duplicated.</source>
        <translation>已有的订单只会更新（状态、物流），不会重复导入。</translation>
    </message>
    <message>
        <source>The column headers are on row {row}; the rows above them are skipped.</source>
        <translation>表头在第 {row} 行，其上方的行已跳过。</translation>
    </message>
    <message>
        <source>{count} summary row(s) (合计/总计/汇总) will be skipped.</source>
        <translation>将跳过 {count} 行合计/总计/汇总行。</translation>
    </message>
    <message>
        <source>The file holds orders of several shops ({names}); choose the shop.</source>
        <translation>文件中包含多个店铺的订单（{names}），请选择店铺。</translation>
    </message>
    <message>
        <source>New shop…</source>
        <translation>新建店铺…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was imported.</source>
        <translation>已取消，未导入任何数据。</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Order exports (*.csv *.xlsx *.xls);;All files (*)</source>
        <translation>订单导出文件 (*.csv *.xlsx *.xls);;所有文件 (*)</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>单价成本</translation>
    </message>
    <message>
        <source>Will do</source>
        <translation>将执行</translation>
    </message>
    <message>
        <source>Import products and offers</source>
        <translation>导入商品和报价</translation>
    </message>
    <message>
        <source>Checking {}…</source>
        <translation>正在检查 {}…</translation>
    </message>
    <message>
        <source>{}: no data rows.</source>
        <translation>{}：没有数据行。</translation>
    </message>
    <message>
        <source>{}: {} rows, no problems. Import writes them all at once.</source>
        <translation>{}：{} 行，没有问题。导入时会一次性全部写入。</translation>
    </message>
    <message>
        <source>{}: {} of {} rows have problems (see the Problems column). Nothing will be imported until the file is corrected.</source>
        <translation>{}：{} 行（共 {} 行）有问题（见“问题”列）。文件改正之前不会导入任何数据。</translation>
    </message>
    <message>
        <source>Columns not used: {}</source>
        <translation>未使用的列：{}</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>未导入任何数据。</translation>
    </message>
</context>
<context>
    <name>IntegrityWatch</name>
    <message>
        <source>Database damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <source>A full check of the database found damage. Restart now to move the damaged file aside (it is kept) and open the newest verified backup. Until then, avoid making changes.</source>
        <translation>对数据库的完整检查发现了损坏。请立即重启：损坏的文件会被移到一旁（保留不删），并打开最新的已校验备份。在此之前，请避免修改数据。</translation>
    </message>
    <message>
        <source>Restart and Recover</source>
        <translation>重启并恢复</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
</context>
<context>
    <name>InterruptedBanner</name>
    <message>
        <source>&amp;Resolve…</source>
        <translation>处理(&amp;R)…</translation>
    </message>
    <message numerus="yes">
        <source>%n cancellation request(s) were interrupted (the app stopped or the connection was lost). Check those orders on 1688 and say what happened.</source>
        <translation>
            <numerusform>有 %n 个取消申请被中断（软件停止或连接断开）。请在1688上查看这些订单，并告知处理结果。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InterruptedDialog</name>
    <message>
        <source>Interrupted Cancellations</source>
        <translation>中断的取消申请</translation>
    </message>
    <message>
        <source>1688 order id</source>
        <translation>1688订单号</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>记录时间</translation>
    </message>
    <message>
        <source>What is known</source>
        <translation>已知情况</translation>
    </message>
    <message>
        <source>What you saw on 1688 (optional)</source>
        <translation>您在1688上看到的情况（可选）</translation>
    </message>
    <message>
        <source>&amp;Not done on 1688</source>
        <translation>1688上未完成(&amp;N)</translation>
    </message>
    <message>
        <source>Not done: cancel it &amp;again…</source>
        <translation>未完成：重新取消(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Open on 1688</source>
        <translation>在1688上打开(&amp;O)</translation>
    </message>
    <message>
        <source>The app does not know whether these requests reached 1688. Open each order on 1688, look whether it was closed (or the refund applied for), then say so here. Nothing is marked closed unless you say it was.</source>
        <translation>软件无法确定这些请求是否已到达1688。请在1688上逐个打开订单，查看是否已关闭（或已申请退款），然后在这里告知。除非您确认，否则不会把任何订单标记为已关闭。</translation>
    </message>
    <message>
        <source>Nothing left to resolve.</source>
        <translation>已全部处理完毕。</translation>
    </message>
    <message>
        <source>&amp;Refund was applied for on 1688</source>
        <translation>1688上已申请退款(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Closed on 1688</source>
        <translation>1688上已关闭(&amp;C)</translation>
    </message>
    <message>
        <source>1688 order {} resolved.</source>
        <translation>1688订单 {} 已处理。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Dropship Desktop</source>
        <translation>一件代发助手</translation>
    </message>
    <message>
        <source>DEMO DATA</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <source>READ-ONLY</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Back Up Now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>Backups and &amp;Restore…</source>
        <translation>备份与恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Delete Old Buyer Data…</source>
        <translation>删除旧的买家信息(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Import Orders…</source>
        <translation>导入订单(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export Orders…</source>
        <translation>导出订单(&amp;E)…</translation>
    </message>
    <message>
        <source>Import &amp;Products and Offers…</source>
        <translation>导入商品和报价(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Orders</source>
        <translation>订单(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Cancel Orders…</source>
        <translation>取消订单(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Interrupted Cancellations…</source>
        <translation>中断的取消申请(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Blacklist…</source>
        <translation>黑名单(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Dropship Desktop</source>
        <translation>关于一件代发助手(&amp;A)</translation>
    </message>
    <message>
        <source>Demo database: {name}</source>
        <translation>演示数据库：{name}</translation>
    </message>
    <message>
        <source>Database: {name}</source>
        <translation>数据库：{name}</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <source>Fraud checks on earlier orders: {done} / {total}</source>
        <translation>正在检查以前订单的风险：{done} / {total}</translation>
    </message>
    <message>
        <source>Orders from before this version are checked once, in the background; the app can be used meanwhile.</source>
        <translation>此版本之前的订单会在后台检查一次风险，期间可以照常使用本软件。</translation>
    </message>
    <message>
        <source>Making a backup…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Backup made and checked: {}</source>
        <translation>备份完成并已校验：{}</translation>
    </message>
    <message>
        <source>The backup failed: {}</source>
        <translation>备份失败：{}</translation>
    </message>
    <message>
        <source>Dropship Desktop is already open: here it is.</source>
        <translation>一件代发助手已经打开，就是这个窗口。</translation>
    </message>
    <message>
        <source>About Dropship Desktop</source>
        <translation>关于一件代发助手</translation>
    </message>
    <message>
        <source>&lt;h3&gt;{name} {version}&lt;/h3&gt;&lt;p&gt;One-piece dropshipping assistant for 1688 sellers: sourcing, both sides of every order, cancellations, after-sales.&lt;/p&gt;&lt;p&gt;Data folder: {folder}&lt;br&gt;Database: {db}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;{name} {version}&lt;/h3&gt;&lt;p&gt;面向1688分销卖家的一件代发助手：货源管理、店铺订单与1688订单对应、取消订单、售后。&lt;/p&gt;&lt;p&gt;数据文件夹：{folder}&lt;br&gt;数据库：{db}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The new language is used from the next start. Restart now?</source>
        <translation>新语言将在下次启动时生效。现在重启吗？</translation>
    </message>
</context>
<context>
    <name>MappingDialog</name>
    <message>
        <source>Order number</source>
        <extracomment>Canonical fields, in display order, with an English description (the import dialog&apos;s labels).</extracomment>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Sub-order (line) number</source>
        <translation>子订单号</translation>
    </message>
    <message>
        <source>Shop name</source>
        <translation>店铺名称</translation>
    </message>
    <message>
        <source>Recipient name</source>
        <translation>收货人姓名</translation>
    </message>
    <message>
        <source>Recipient phone</source>
        <translation>收货人电话</translation>
    </message>
    <message>
        <source>Address (detail, or the full address)</source>
        <translation>地址（详细地址或完整地址）</translation>
    </message>
    <message>
        <source>Changed address (修改后的收货地址)</source>
        <translation>修改后的收货地址（有则优先）</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省</translation>
    </message>
    <message>
        <source>City</source>
        <translation>市</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区/县</translation>
    </message>
    <message>
        <source>Street / town</source>
        <translation>街道/镇</translation>
    </message>
    <message>
        <source>Product title</source>
        <translation>商品标题</translation>
    </message>
    <message>
        <source>Seller code (商家编码)</source>
        <translation>商家编码</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Amount paid</source>
        <translation>实付金额</translation>
    </message>
    <message>
        <source>Shipping fee</source>
        <translation>运费</translation>
    </message>
    <message>
        <source>Order status</source>
        <translation>订单状态</translation>
    </message>
    <message>
        <source>Created at</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <source>Paid at</source>
        <translation>付款时间</translation>
    </message>
    <message>
        <source>Ship by (promised)</source>
        <translation>承诺发货时间</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>物流公司</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Seller note (订单备注 / 商家备注)</source>
        <translation>卖家备注（订单备注 / 商家备注）</translation>
    </message>
    <message>
        <source>Buyer message (买家留言)</source>
        <translation>买家留言</translation>
    </message>
    <message>
        <source>Buyer account (买家会员名)</source>
        <translation>买家会员名</translation>
    </message>
    <message>
        <source>Payment method (支付方式)</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Close reason (订单关闭原因)</source>
        <translation>订单关闭原因</translation>
    </message>
    <message>
        <source>Refund amount (退款金额)</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <source>Order value (payable, for unpaid orders)</source>
        <translation>订单应付金额（用于未付款订单）</translation>
    </message>
    <message>
        <source>Platform item ID</source>
        <translation>平台商品 ID</translation>
    </message>
    <message>
        <source>Platform SKU ID</source>
        <translation>平台 SKU ID</translation>
    </message>
    <message>
        <source>Spec (规格 / 型号)</source>
        <translation>规格 / 型号</translation>
    </message>
    <message>
        <source>1688 Offer ID</source>
        <translation>1688 Offer ID</translation>
    </message>
    <message>
        <source>1688 SKU ID</source>
        <translation>1688 SKU ID</translation>
    </message>
    <message>
        <source>Item code (货号)</source>
        <translation>货号</translation>
    </message>
    <message>
        <source>Shop order it was placed for (下游订单号)</source>
        <translation>对应的店铺订单（下游订单号）</translation>
    </message>
    <message>
        <source>Shop platform (下游渠道)</source>
        <translation>下游渠道</translation>
    </message>
    <message>
        <source>Dropship order (是否代发订单)</source>
        <translation>是否代发订单</translation>
    </message>
    <message>
        <source>Order batch (下单批次号)</source>
        <translation>下单批次号</translation>
    </message>
    <message>
        <source>Map columns</source>
        <extracomment>QSettings key of the column mappings saved per header row.</extracomment>
        <translation>对应列</translation>
    </message>
    <message>
        <source>Shop orders (sales)</source>
        <translation>店铺订单（销售）</translation>
    </message>
    <message>
        <source>1688 purchase orders (supplier side)</source>
        <translation>1688采购单（供应商侧）</translation>
    </message>
    <message>
        <source>Choose the file&apos;s column for each field. The order number is required; for shop orders the order status too.</source>
        <translation>为每个字段选择文件中对应的列。订单号必选；店铺订单还必须选择订单状态。</translation>
    </message>
    <message>
        <source>The file holds:</source>
        <translation>文件内容：</translation>
    </message>
    <message>
        <source>(not in the file)</source>
        <translation>（文件中没有）</translation>
    </message>
    <message>
        <source>Remember this mapping for files with these columns</source>
        <translation>对具有相同列的文件记住此对应关系</translation>
    </message>
    <message>
        <source>Choose a column for: {}</source>
        <translation>请为以下字段选择列：{}</translation>
    </message>
    <message>
        <source>One column is chosen for two fields.</source>
        <translation>同一列被选给了两个字段。</translation>
    </message>
    <message>
        <source>1688 offer for this listing</source>
        <translation>该商品的 1688 货源</translation>
    </message>
    <message>
        <source>(none of my offers)</source>
        <translation>（不使用已有货源）</translation>
    </message>
    <message>
        <source>Offer ID or the offer&apos;s link</source>
        <translation>商品 ID 或商品链接</translation>
    </message>
    <message>
        <source>SKU / spec id on 1688 (optional)</source>
        <translation>1688 的 SKU/规格 ID（可选）</translation>
    </message>
    <message>
        <source>e.g. 白色 M</source>
        <translation>例如：白色 M</translation>
    </message>
    <message>
        <source>Confirmed: use it without asking</source>
        <translation>已确认：以后直接使用</translation>
    </message>
    <message>
        <source>My offer:</source>
        <translation>已有货源：</translation>
    </message>
    <message>
        <source>1688 Offer ID:</source>
        <translation>1688 商品 ID：</translation>
    </message>
    <message>
        <source>1688 spec ID:</source>
        <translation>1688 规格 ID：</translation>
    </message>
    <message>
        <source>1688 spec:</source>
        <translation>1688 规格：</translation>
    </message>
    <message>
        <source>Pieces per item:</source>
        <translation>每件数量：</translation>
    </message>
    <message>
        <source>“Pieces per item”: a listing sold as a 2-pack needs 2 pieces from 1688 for each one sold.</source>
        <translation>“每件数量”：例如“2件装”的商品，每卖出一件需要从 1688 采购 2 件。</translation>
    </message>
</context>
<context>
    <name>MappingView</name>
    <message>
        <source>Not mapped</source>
        <translation>未关联</translation>
    </message>
    <message>
        <source>To confirm</source>
        <translation>待确认</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Learned from a link</source>
        <translation>从已关联订单学习</translation>
    </message>
    <message>
        <source>Typed</source>
        <translation>手动填写</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Shop listing</source>
        <translation>店铺商品</translation>
    </message>
    <message>
        <source>Spec</source>
        <translation>规格</translation>
    </message>
    <message>
        <source>Merchant code</source>
        <translation>商家编码</translation>
    </message>
    <message>
        <source>Item ID</source>
        <translation>商品 ID</translation>
    </message>
    <message>
        <source>Orders waiting</source>
        <translation>待下单订单</translation>
    </message>
    <message>
        <source>Main offer</source>
        <translation>主货源</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备用货源</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>顺序</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主货源</translation>
    </message>
    <message>
        <source>Backup %1</source>
        <translation>备用 %1</translation>
    </message>
    <message>
        <source>1688 offer ID</source>
        <translation>1688 商品 ID</translation>
    </message>
    <message>
        <source>1688 spec ID</source>
        <translation>1688 规格 ID</translation>
    </message>
    <message>
        <source>1688 spec</source>
        <translation>1688 规格</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Pieces per item</source>
        <translation>每件数量</translation>
    </message>
    <message>
        <source>Add offer…</source>
        <extracomment>Ask for a file to open / save (tests replace them).</extracomment>
        <translation>添加货源…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Mappings are learned: whenever a 1688 order is linked to a shop order the pair is proposed here. Confirm it once and the purchase queue uses it from then on; backups are used in order when the main offer is out of stock.</source>
        <translation>关联是自动学习的：每当 1688 订单与店铺订单关联时，这里就会提出对应关系。确认一次后，待下单列表就会一直使用；主货源缺货时按顺序使用备用货源。</translation>
    </message>
    <message>
        <source>Mappings</source>
        <translation>商品关联</translation>
    </message>
    <message>
        <source>Not mapped: %1 · to confirm: %2 · listings: %3</source>
        <translation>未关联：%1 · 待确认：%2 · 商品：%3</translation>
    </message>
    <message>
        <source>No 1688 offer for this listing yet: click “Add offer…”, or link one of its orders to the 1688 order placed for it and the pair is proposed here.</source>
        <translation>该商品还没有 1688 货源：点击“添加货源…”，或把它的某个订单与对应的 1688 订单关联，系统会在这里提出对应关系。</translation>
    </message>
    <message>
        <source>Check the proposed offer and click “Confirm”: the purchase queue then uses it without asking.</source>
        <translation>请核对建议的货源并点击“确认”：之后待下单列表会直接使用。</translation>
    </message>
    <message>
        <source>Import mappings</source>
        <translation>导入商品关联</translation>
    </message>
    <message>
        <source>Tables (*.xlsx *.xls *.csv)</source>
        <translation>表格 (*.xlsx *.xls *.csv)</translation>
    </message>
    <message>
        <source>Export mappings</source>
        <translation>导出商品关联</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n mapping(s) exported to %1.</source>
        <translation>
            <numerusform>已导出 %n 条关联到 %1。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Supplier created.</source>
        <translation>供应商已创建。</translation>
    </message>
    <message>
        <source>Supplier saved.</source>
        <translation>供应商已保存。</translation>
    </message>
    <message>
        <source>Supplier deleted.</source>
        <translation>供应商已删除。</translation>
    </message>
    <message>
        <source>Product created.</source>
        <translation>商品已创建。</translation>
    </message>
    <message>
        <source>Product saved.</source>
        <translation>商品已保存。</translation>
    </message>
    <message>
        <source>Product deleted.</source>
        <translation>商品已删除。</translation>
    </message>
    <message>
        <source>Offer created.</source>
        <translation>报价已创建。</translation>
    </message>
    <message>
        <source>Offer saved.</source>
        <translation>报价已保存。</translation>
    </message>
    <message>
        <source>Offer deleted.</source>
        <translation>报价已删除。</translation>
    </message>
    <message>
        <source>Preferred offer set.</source>
        <translation>已设为首选报价。</translation>
    </message>
    <message>
        <source>Preferred offer cleared.</source>
        <translation>已取消首选报价。</translation>
    </message>
    <message>
        <source>Offer marked out of stock.</source>
        <translation>报价已标记为缺货。</translation>
    </message>
    <message>
        <source>Import finished: {products_created} new products, {offers_created} new offers, {offers_updated} offers updated.</source>
        <translation>导入完成：新增 {products_created} 个商品、{offers_created} 个报价，更新 {offers_updated} 个报价。</translation>
    </message>
    <message>
        <source>Demo data created.</source>
        <translation>演示数据已创建。</translation>
    </message>
    <message>
        <source>{count} linked to their shop order by 下游订单号.</source>
        <extracomment>Summary rows (合计, 总计, 汇总) skipped. 1688 orders whose 下游订单号 names no shop order here: they wait for it. 1688 orders whose 下游订单号 is the number of orders in several shops (not linked). 1688 orders linked to their shop order by 下游订单号. New shop orders whose receiver data the platform hid. New shop orders not paid yet (their value is shown, marked unpaid). Orders that got their goods lines (SKU, price, quantity) from an item report. Orders of an item report that are not here: their order report comes first. Orders already here whose amount a later export changed (the seller&apos;s 改价). Rows skipped because they repeat another row of the file (exports put together).</extracomment>
        <translation>{count} 个已按下游订单号关联到店铺订单。</translation>
    </message>
    <message>
        <source>{count} name a shop order (下游订单号) that is not here yet: they wait for it and are linked when that shop export is imported.</source>
        <translation>{count} 个的下游订单号对应的店铺订单尚未导入：它们将等待，导入该店铺订单后自动关联。</translation>
    </message>
    <message>
        <source>{count} name a shop order number (下游订单号) that orders of several shops have: link them by hand in the order list.</source>
        <translation>{count} 个的下游订单号在多个店铺中都有同号订单：请在订单列表中手动关联。</translation>
    </message>
    <message>
        <source>{count} not paid yet (shown with their value, unpaid).</source>
        <translation>{count} 个尚未付款（按应付金额显示，标为未付款）。</translation>
    </message>
    <message>
        <source>{count} order(s) already here have a new amount in this file (the price was changed on the platform): their sale and profit were updated.</source>
        <translation>{count} 个已有订单在此文件中的金额有变化（已在平台改价）：已更新其销售额和利润。</translation>
    </message>
    <message>
        <source>Receiver data hidden by the platform in {count} order(s).</source>
        <translation>{count} 个订单的收货信息被平台隐藏。</translation>
    </message>
    <message>
        <source>{count} order(s) got their goods lines (SKU, price, quantity) from this item report.</source>
        <translation>{count} 个订单已从此宝贝报表取得商品明细（商家编码、价格、数量）。</translation>
    </message>
    <message>
        <source>{count} order(s) of this item report are not here yet: import the order report (订单报表) first, then this file again.</source>
        <translation>此宝贝报表中有 {count} 个订单尚未导入：请先导入订单报表，再重新导入此文件。</translation>
    </message>
    <message>
        <source>{count} duplicate row(s) skipped (the same row more than once in the file, e.g. exports put together): each order was imported once.</source>
        <translation>已跳过 {count} 个重复行（文件中同一行出现了不止一次，例如拼接了多个导出文件）：每个订单只导入一次。</translation>
    </message>
    <message>
        <source>{count} summary row(s) (合计/总计/汇总) skipped.</source>
        <translation>已跳过 {count} 行合计/总计/汇总行。</translation>
    </message>
    <message>
        <source>Imported {file}: {created} new 1688 orders, {updated} updated, {unchanged} unchanged; {matched} matched to sales orders, {unmatched} awaiting a match.</source>
        <translation>已导入 {file}：新增 {created} 个1688订单，更新 {updated} 个，{unchanged} 个无变化；{matched} 个已匹配店铺订单，{unmatched} 个待关联。</translation>
    </message>
    <message>
        <source>Imported {file}: {created} new orders, {updated} updated, {unchanged} unchanged; {matched} waiting 1688 order(s) matched.</source>
        <translation>已导入 {file}：新增 {created} 个订单，更新 {updated} 个，{unchanged} 个无变化；{matched} 个待关联的1688订单已匹配。</translation>
    </message>
    <message>
        <source>Imported {file}: {created} new orders, {updated} updated, {unchanged} unchanged.</source>
        <translation>已导入 {file}：新增 {created} 个订单，更新 {updated} 个，{unchanged} 个无变化。</translation>
    </message>
    <message>
        <source>The supplier order already belongs to this order.</source>
        <translation>该1688订单已关联到此订单。</translation>
    </message>
    <message>
        <source>Supplier order linked.</source>
        <translation>1688订单已关联。</translation>
    </message>
    <message>
        <source>Old buyer data deleted.</source>
        <extracomment>The shortest retention the purge accepts (a typo of 0 must not wipe yesterday&apos;s orders).</extracomment>
        <translation>旧的买家信息已删除。</translation>
    </message>
    <message>
        <source>Stopped before the seller confirmed the result on 1688. Check the order on 1688, then say whether it was done.</source>
        <extracomment>Local error codes (the platform&apos;s own codes are stored as they come). Why a request is left for the seller to check when step 6 was stopped while its 1688 page was open and the seller had not said whether it was done (see :func:`mark_interrupted`).</extracomment>
        <translation>在您确认1688上的结果之前已停止。请在1688上查看该订单，然后告诉我们是否已完成。</translation>
    </message>
    <message>
        <source>Distribution account created.</source>
        <translation>分销账号已创建。</translation>
    </message>
    <message>
        <source>{count} cancellation request(s) recorded.</source>
        <translation>已记录 {count} 个取消申请。</translation>
    </message>
    <message>
        <source>Cancellation request started; waiting for the answer from 1688.</source>
        <translation>已开始取消申请，等待1688的结果。</translation>
    </message>
    <message>
        <source>{count} interrupted cancellation request(s) found.</source>
        <translation>发现 {count} 个中断的取消申请。</translation>
    </message>
    <message>
        <source>Shop status recorded for {count} order(s).</source>
        <translation>已记录 {count} 个订单的店铺状态。</translation>
    </message>
    <message>
        <source>{count} offer(s) marked out of stock.</source>
        <translation>已将 {count} 个报价标记为缺货。</translation>
    </message>
    <message>
        <source>Order closed on 1688.</source>
        <translation>订单已在1688关闭。</translation>
    </message>
    <message>
        <source>Refund requested; waiting for the supplier.</source>
        <translation>已申请退款，等待供应商处理。</translation>
    </message>
    <message>
        <source>Cancellation failed.</source>
        <translation>取消失败。</translation>
    </message>
    <message>
        <source>Order skipped.</source>
        <translation>订单已跳过。</translation>
    </message>
    <message>
        <source>Cancellation interrupted; check the order on 1688.</source>
        <translation>取消已中断，请在1688上查看该订单。</translation>
    </message>
    <message>
        <source>Backup restored.</source>
        <translation>备份已恢复。</translation>
    </message>
    <message>
        <source>After-sales case opened: {kind}.</source>
        <translation>已新建售后单：{kind}。</translation>
    </message>
    <message>
        <source>After-sales case: buyer side now “{state}”.</source>
        <translation>售后单：买家端现为“{state}”。</translation>
    </message>
    <message>
        <source>After-sales case: supplier side now “{state}”.</source>
        <translation>售后单：供应商端现为“{state}”。</translation>
    </message>
    <message>
        <source>Refund application withdrawn on 1688.</source>
        <translation>已在 1688 撤销退款申请。</translation>
    </message>
    <message>
        <source>Done on 1688.</source>
        <translation>已在1688完成。</translation>
    </message>
    <message>
        <source>Not done on 1688: {message}</source>
        <translation>未在1688完成：{message}</translation>
    </message>
    <message>
        <source>No change on 1688: still “{state}”.</source>
        <translation>1688 上没有变化：仍为“{state}”。</translation>
    </message>
    <message>
        <source>Contact logged.</source>
        <translation>已记录联系。</translation>
    </message>
    <message>
        <source>After-sales amounts saved.</source>
        <translation>售后金额已保存。</translation>
    </message>
    <message>
        <source>Template saved.</source>
        <translation>模板已保存。</translation>
    </message>
    <message>
        <source>Template deleted.</source>
        <translation>模板已删除。</translation>
    </message>
    <message>
        <source>Response windows saved; {count} open case(s) updated.</source>
        <translation>处理时限已保存；已更新 {count} 个处理中的售后单。</translation>
    </message>
    <message>
        <source>After-sales import: {created} new case(s), {updated} updated.</source>
        <translation>售后导入：新增 {created} 个，更新 {updated} 个。</translation>
    </message>
    <message>
        <source>Mapping saved.</source>
        <translation>关联已保存。</translation>
    </message>
    <message>
        <source>{count} mapping(s) confirmed.</source>
        <translation>已确认 {count} 条关联。</translation>
    </message>
    <message>
        <source>Mapping removed.</source>
        <translation>关联已删除。</translation>
    </message>
    <message>
        <source>Backup order changed.</source>
        <translation>备用货源顺序已调整。</translation>
    </message>
    <message>
        <source>{count} mapping(s) imported.</source>
        <translation>已导入 {count} 条关联。</translation>
    </message>
    <message>
        <source>Purchase recorded for order {order}.</source>
        <translation>已记录订单 {order} 的采购。</translation>
    </message>
    <message>
        <source>Marked as ordered on 1688; paste the number when you have it.</source>
        <translation>已标记为在 1688 下单；拿到订单号后请粘贴。</translation>
    </message>
    <message>
        <source>Purchase withdrawn; the order is back in the queue.</source>
        <translation>采购已撤回，订单回到待下单列表。</translation>
    </message>
    <message>
        <source>1688 order {order} linked.</source>
        <translation>已关联 1688 订单 {order}。</translation>
    </message>
    <message>
        <source>The 1688 order was not placed: {reason}</source>
        <extracomment>Runs one database step of a network job and returns its result (``NetworkWorker.run_db``).</extracomment>
        <translation>1688 订单未下单：{reason}</translation>
    </message>
    <message>
        <source>1688 order {order} placed and linked.</source>
        <translation>1688 订单 {order} 已下单并关联。</translation>
    </message>
    <message>
        <source>No answer from 1688: the order will be looked up, never placed twice.</source>
        <translation>1688 没有返回结果：将查询该订单，绝不会重复下单。</translation>
    </message>
    <message>
        <source>Not on 1688: nothing was ordered (looked up by outOrderId).</source>
        <translation>1688 上没有这笔订单：并未下单（已按 outOrderId 查找）。</translation>
    </message>
    <message>
        <source>{count} order(s) written to batch-ship files.</source>
        <translation>已将 {count} 个订单写入批量发货文件。</translation>
    </message>
    <message>
        <source>Warning line saved.</source>
        <translation>警戒线已保存。</translation>
    </message>
    <message>
        <source>Exported {count} order(s) to {name}.</source>
        <translation>已导出 {count} 个订单到 {name}。</translation>
    </message>
    <message>
        <source>Fraud-check settings saved.</source>
        <translation>防骗检查设置已保存。</translation>
    </message>
    <message>
        <source>Warning marked as checked.</source>
        <translation>已将该风险提示标记为已核实。</translation>
    </message>
    <message>
        <source>Buyer added to the blacklist; {count} order(s) flagged.</source>
        <translation>买家已加入黑名单；{count} 个订单被标记。</translation>
    </message>
    <message>
        <source>Blacklist entry removed.</source>
        <translation>已移除黑名单条目。</translation>
    </message>
    <message>
        <source>Imported {added} blacklist entries from {name}; {count} order(s) match.</source>
        <translation>已从 {name} 导入 {added} 条黑名单；{count} 个订单匹配。</translation>
    </message>
    <message>
        <source>The 1688 account is connected.</source>
        <translation>1688 账号已连接。</translation>
    </message>
    <message>
        <source>The 1688 connection was removed; the account now uses the manual way.</source>
        <translation>已移除 1688 连接；该账号改为手动方式。</translation>
    </message>
</context>
<context>
    <name>MoneyEdit</name>
    <message>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
    <message>
        <source>At most two decimals (fen).</source>
        <translation>最多两位小数（到分）。</translation>
    </message>
    <message>
        <source>Cannot be negative.</source>
        <translation>不能为负数。</translation>
    </message>
    <message>
        <source>Not an amount; type e.g. 12.50.</source>
        <translation>不是有效金额，请输入如 12.50。</translation>
    </message>
    <message>
        <source>Must be more than 0.</source>
        <translation>必须大于 0。</translation>
    </message>
    <message>
        <source>Too large.</source>
        <translation>金额过大。</translation>
    </message>
</context>
<context>
    <name>OfferDialog</name>
    <message>
        <source>Edit offer</source>
        <translation>编辑报价</translation>
    </message>
    <message>
        <source>New offer</source>
        <translation>新建报价</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>One-piece dropship (一件代发)</source>
        <translation>支持一件代发</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>0 means out of stock; the offer is then marked.</source>
        <translation>0 表示缺货，该报价会被标记。</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Unit cost (¥)</source>
        <translation>单价成本（¥）</translation>
    </message>
    <message>
        <source>Price tiers</source>
        <translation>阶梯价</translation>
    </message>
    <message>
        <source>Minimum order (MOQ)</source>
        <translation>起批量</translation>
    </message>
    <message>
        <source>Lead time</source>
        <translation>发货时效</translation>
    </message>
    <message>
        <source>Dropship</source>
        <translation>一件代发</translation>
    </message>
    <message>
        <source>Dropship fee (¥)</source>
        <translation>代发费（¥）</translation>
    </message>
    <message>
        <source>Fulfilment</source>
        <translation>代发方式</translation>
    </message>
    <message>
        <source>Shipping (¥)</source>
        <translation>运费（¥）</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>1688 offer id or URL</source>
        <translation>1688商品ID或链接</translation>
    </message>
    <message>
        <source>Last checked</source>
        <translation>最近核实</translation>
    </message>
    <message>
        <source>Type a date like 2026-10-31, or leave it empty.</source>
        <translation>请输入日期，如 2026-10-31，或留空。</translation>
    </message>
    <message>
        <source>Add a supplier first (Suppliers tab).</source>
        <translation>请先添加供应商（“供应商”标签页）。</translation>
    </message>
    <message>
        <source>Fill in the fields to see the landed cost.</source>
        <translation>填写各项后即可看到综合成本。</translation>
    </message>
    <message>
        <source>Landed cost of a one-piece order: {}</source>
        <translation>一件代发的综合成本：{}</translation>
    </message>
    <message>
        <source> · margin {} ({}%)</source>
        <translation> · 毛利 {}（{}%）</translation>
    </message>
    <message>
        <source>⚠ This offer cannot serve a one-piece order.</source>
        <translation>⚠ 该报价无法满足一件代发。</translation>
    </message>
</context>
<context>
    <name>Open1688</name>
    <message>
        <source>The app key is a number of a few digits (shown as AppKey on the 1688 open platform&apos;s app page). Copy it from there.</source>
        <extracomment>The account the environment&apos;s credentials belong to without ``DROPSHIP_DESKTOP_1688_ACCOUNT`` (the same name as ``services.open1688_accounts.ENV_ACCOUNT_NAME``). Where 1688 sends the seller after authorising; it must be the app&apos;s registered callback. Refresh the access token this long before it expires. Refreshing failed for good: the seller has to authorise again. Read from the environment (never saved, cannot be refreshed). The ``state`` sent with the authorise link (checked when a redirect URL is pasted).</extracomment>
        <translation>App Key 是一串数字（见 1688 开放平台应用页面上的 AppKey），请从那里复制。</translation>
    </message>
    <message>
        <source>Enter the app secret (App Secret on the 1688 open platform&apos;s app page), without spaces.</source>
        <translation>请填写 App Secret（见 1688 开放平台应用页面），不要带空格。</translation>
    </message>
    <message>
        <source>The redirect address must start with http:// or https:// and be the callback address registered for your 1688 app.</source>
        <translation>回调地址必须以 http:// 或 https:// 开头，并且是您的 1688 应用登记的回调地址。</translation>
    </message>
    <message>
        <source>Paste the code 1688 showed, or the whole address of the page it sent you to.</source>
        <translation>请粘贴 1688 显示的授权码，或它跳转到的页面的完整网址。</translation>
    </message>
    <message>
        <source>1688 reports the authorisation was not given ({error}). Open the authorise page again and choose to authorise.</source>
        <translation>1688 表示未获得授权（{error}）。请重新打开授权页面并选择同意授权。</translation>
    </message>
    <message>
        <source>The pasted address holds no code=… part. Copy the whole address of the page 1688 sent you to after authorising.</source>
        <translation>粘贴的网址中没有 code=… 部分。请复制授权后 1688 跳转到的页面的完整网址。</translation>
    </message>
    <message>
        <source>The pasted address belongs to an older authorisation. Open the authorise page again from this window and paste the new address.</source>
        <translation>粘贴的网址属于之前的一次授权。请从本窗口重新打开授权页面，再粘贴新的网址。</translation>
    </message>
    <message>
        <source>That does not look like a 1688 authorisation code. Paste the code or the whole redirect address.</source>
        <translation>这看起来不像 1688 授权码。请粘贴授权码或完整的跳转网址。</translation>
    </message>
    <message>
        <source>1688 does not know this order (check the order number and the account).</source>
        <extracomment>Error code → what it means for the seller (English source, translated by the UI).</extracomment>
        <translation>1688 上没有这个订单（请核对订单号和账号）。</translation>
    </message>
    <message>
        <source>The order&apos;s status on 1688 does not allow this any more (it may have been paid, shipped or closed meanwhile). Sync the order and look again.</source>
        <translation>该订单在 1688 上的状态已不允许此操作（可能已付款、已发货或已关闭）。请同步订单后再查看。</translation>
    </message>
    <message>
        <source>1688 does not allow closing an order within 10 seconds of placing it. Wait a moment and try again.</source>
        <translation>1688 不允许在下单后 10 秒内关闭订单。请稍等片刻再试。</translation>
    </message>
    <message>
        <source>Too many 1688 orders were placed since this purchase was sent to look it up automatically. Find it in 1688&apos;s order list (its message holds the purchase&apos;s number), then paste the number or say it was not ordered.</source>
        <translation>自这笔采购发出以来 1688 上的新订单太多，无法自动查找。请在 1688 订单列表中查找（订单留言中带有这笔采购的编号），然后粘贴订单号，或确认并未下单。</translation>
    </message>
    <message>
        <source>1688 did not answer while the app prepared the request, so nothing was sent. Try again in a moment.</source>
        <translation>软件准备请求时 1688 没有响应，因此什么都没有发送。请稍后再试。</translation>
    </message>
    <message>
        <source>1688 answered in a form this version of the app cannot read, so nothing was changed. Check it on 1688, or update the app.</source>
        <translation>1688 返回的内容格式本版本软件无法识别，因此没有做任何修改。请在 1688 上查看，或更新软件。</translation>
    </message>
    <message>
        <source>The supplier has not shipped this order yet.</source>
        <translation>供应商尚未发货。</translation>
    </message>
    <message>
        <source>1688 rejected the request signature: the app secret does not match the app key. Enter the app key and secret again in the 1688 accounts window.</source>
        <translation>1688 拒绝了请求签名：App Secret 与 App Key 不匹配。请在“1688 账号”窗口中重新填写 App Key 和 App Secret。</translation>
    </message>
    <message>
        <source>1688 does not know this app key. Check it in the 1688 accounts window.</source>
        <translation>1688 不认识这个 App Key。请在“1688 账号”窗口中检查。</translation>
    </message>
    <message>
        <source>1688 rejected the request time: set this computer&apos;s clock to the correct time (automatic time) and try again.</source>
        <translation>1688 拒绝了请求时间：请把电脑时钟调准（开启自动设置时间）后重试。</translation>
    </message>
    <message>
        <source>The 1688 authorisation has expired. Reconnect the account.</source>
        <translation>1688 授权已过期。请重新连接该账号。</translation>
    </message>
    <message>
        <source>1688 no longer accepts this account&apos;s authorisation. Reconnect the account.</source>
        <translation>1688 已不再接受该账号的授权。请重新连接该账号。</translation>
    </message>
    <message>
        <source>1688 is limiting how often the app may ask. Wait a minute and try again.</source>
        <translation>1688 正在限制请求频率。请等一分钟后重试。</translation>
    </message>
    <message>
        <source>Your 1688 app has no permission for this function. Apply for it on the 1688 open platform (see the README), or do it by hand on 1688.</source>
        <translation>您的 1688 应用没有此功能的权限。请在 1688 开放平台申请（见使用说明），或在 1688 上手动操作。</translation>
    </message>
    <message>
        <source>1688 did not accept the authorisation code: it is used once and valid about 2 minutes. Open the authorise page again and paste the new code.</source>
        <translation>1688 未接受该授权码：授权码只能使用一次，有效期约 2 分钟。请重新打开授权页面并粘贴新的授权码。</translation>
    </message>
    <message>
        <source>1688 did not accept the app key or app secret. Check both and try again.</source>
        <translation>1688 未接受 App Key 或 App Secret。请检查后重试。</translation>
    </message>
    <message>
        <source>1688 refused the request ({code}): {message}</source>
        <translation>1688 拒绝了请求（{code}）：{message}</translation>
    </message>
    <message>
        <source>{message} (1688: {platform})</source>
        <translation>{message}（1688：{platform}）</translation>
    </message>
    <message>
        <source>The 1688 account “{account}” needs to be reconnected: its authorisation expired or was withdrawn. Open 1688 accounts and choose Reconnect.</source>
        <translation>1688 账号“{account}”需要重新连接：授权已过期或已被撤销。请打开“1688 账号”并选择“重新连接”。</translation>
    </message>
    <message>
        <source>The account “{account}” is not connected to the 1688 open platform. Connect it in 1688 accounts (app key, app secret and authorisation) first.</source>
        <translation>账号“{account}”未连接 1688 开放平台。请先在“1688 账号”中连接（App Key、App Secret 和授权）。</translation>
    </message>
    <message>
        <source>Cannot reach 1688 (no internet connection, or the gateway is down). Nothing was sent. Check the connection and try again.</source>
        <translation>无法连接 1688（没有网络，或 1688 网关不可用）。没有发送任何内容。请检查网络后重试。</translation>
    </message>
    <message>
        <source>The connection to 1688 broke during “{api}”; it is not known whether 1688 received it. Check on 1688 (or sync) before trying again.</source>
        <translation>执行“{api}”时与 1688 的连接中断，无法确定 1688 是否已收到。请先在 1688 上查看（或同步）后再重试。</translation>
    </message>
    <message>
        <source>No distribution account was chosen for this 1688 call, so nothing was sent. Choose the account (1688 accounts) and try again.</source>
        <translation>这次 1688 操作没有指定分销账号，因此什么都没有发送。请选择账号（1688 账号）后重试。</translation>
    </message>
    <message>
        <source>The 1688 gateway address “{url}” is not a web address (it must start with https://). Nothing was sent. Correct or remove the DROPSHIP_DESKTOP_1688_GATEWAY setting and try again.</source>
        <translation>1688 网关地址“{url}”不是网址（必须以 https:// 开头）。什么都没有发送。请更正或删除 DROPSHIP_DESKTOP_1688_GATEWAY 设置后重试。</translation>
    </message>
    <message>
        <source>This computer has no secure credential store (such as Windows Credential Manager), so the app secret and the 1688 authorisation cannot be kept. Nothing was saved. You can still work with the manual connector.</source>
        <extracomment>The account made for environment credentials when none exists (unattended use). ``connected``, ``reconnect``, ``authorise`` (code still to paste) or ``none``.</extracomment>
        <translation>本机没有安全的凭据库（例如 Windows 凭据管理器），无法保存 App Secret 和 1688 授权。没有保存任何内容。您仍可以使用手动方式。</translation>
    </message>
    <message>
        <source>That account no longer exists.</source>
        <translation>该账号已不存在。</translation>
    </message>
    <message>
        <source>There is no distribution account named “{name}”. Accounts: {names}.</source>
        <translation>没有名为“{name}”的分销账号。现有账号：{names}。</translation>
    </message>
    <message>
        <source>Several accounts use the 1688 Open Platform; choose one with --account NAME: {names}.</source>
        <translation>有多个账号连接了 1688 开放平台；请用 --account 名称 指定一个：{names}。</translation>
    </message>
    <message>
        <source>No account is connected to the 1688 Open Platform. Connect one in the app (menu 1688 → 1688 accounts) or set DROPSHIP_DESKTOP_1688_APP_KEY, DROPSHIP_DESKTOP_1688_APP_SECRET and DROPSHIP_DESKTOP_1688_ACCESS_TOKEN.</source>
        <translation>没有连接 1688 开放平台的账号。请在软件中连接（菜单“1688 接口 → 1688 账号”），或设置 DROPSHIP_DESKTOP_1688_APP_KEY、DROPSHIP_DESKTOP_1688_APP_SECRET 和 DROPSHIP_DESKTOP_1688_ACCESS_TOKEN。</translation>
    </message>
    <message>
        <source>1688 sync of “{account}”: {seen} orders read, {created} new, {updated} updated, {unchanged} unchanged; {matched} matched to shop orders.</source>
        <extracomment>Orders per page (the reference: at most 20 is safe). A first sync looks this far back (modify time). Each new window overlaps the last one by this much (clock skew, late writes on 1688). At most this many pages are read again when the total changes during a sync. Statuses whose parcels are asked for. The ``[outOrderId]`` tag the API path appends to the order message (connector.out_order_tag). The furthest page read in this window, and the change of ``totalRecord`` not yet answered by stepping back (see :func:`sync_orders`).</extracomment>
        <translation>“{account}”的 1688 同步：读取 {seen} 个订单，新增 {created} 个，更新 {updated} 个，未变 {unchanged} 个；{matched} 个已匹配到店铺订单。</translation>
    </message>
    <message>
        <source>The start date of the sync is in the future.</source>
        <translation>同步的开始日期在未来。</translation>
    </message>
    <message>
        <source>The app is closing; the 1688 request was stopped.</source>
        <extracomment>Connector calls at once (1688 rate-limits; two keep a sync from blocking a cancel).</extracomment>
        <translation>软件正在关闭；1688 请求已停止。</translation>
    </message>
    <message>
        <source>The 1688 sync was stopped.</source>
        <translation>1688 同步已停止。</translation>
    </message>
    <message>
        <source>{checked} linked 1688 offer(s) checked, {alerts} alert(s).</source>
        <translation>已检查 {checked} 个关联的 1688 货源，{alerts} 条提醒。</translation>
    </message>
    <message>
        <source>{name} ({offer}) is no longer on sale on 1688: it was marked out of stock. Choose another offer for its listings.</source>
        <translation>{name}（{offer}）在 1688 上已下架：已标记为缺货。请为相关商品另选货源。</translation>
    </message>
    <message>
        <source>{name} ({offer}) now costs ¥{new} instead of ¥{old}: its listings lose ¥{loss} a piece. Raise the price or choose another offer.</source>
        <translation>{name}（{offer}）进价由 ¥{old} 涨到 ¥{new}：相关商品每件亏损 ¥{loss}。请提价或另选货源。</translation>
    </message>
    <message>
        <source>{name} ({offer}) has {stock} piece(s) on 1688 but the waiting orders need {need}.</source>
        <translation>{name}（{offer}）在 1688 上只有 {stock} 件库存，但待下单的订单需要 {need} 件。</translation>
    </message>
</context>
<context>
    <name>Open1688Menu</name>
    <message>
        <source>&amp;1688</source>
        <extracomment>Hours between checks of the linked offers (0: off, the default). Minutes between timed syncs the seller can choose (0: off, the default).</extracomment>
        <translation>1688 接口(&amp;I)</translation>
    </message>
    <message>
        <source>1688 &amp;Accounts…</source>
        <translation>1688 账号(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Sync 1688 Orders</source>
        <translation>同步 1688 订单(&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;top the Sync</source>
        <translation>停止同步(&amp;T)</translation>
    </message>
    <message>
        <source>Sync Auto&amp;matically</source>
        <translation>自动同步(&amp;M)</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Every {n} minutes</source>
        <translation>每 {n} 分钟</translation>
    </message>
    <message>
        <source>&amp;Check Linked Offers Now</source>
        <translation>立即检查关联货源(&amp;C)</translation>
    </message>
    <message>
        <source>Check Offers &amp;Regularly</source>
        <translation>定期检查货源(&amp;R)</translation>
    </message>
    <message>
        <source>Once a day</source>
        <translation>每天一次</translation>
    </message>
    <message>
        <source>Every {n} hours</source>
        <translation>每 {n} 小时</translation>
    </message>
    <message>
        <source>1688 %v/%m</source>
        <translation>1688 %v/%m</translation>
    </message>
    <message>
        <source>Syncing 1688 orders…</source>
        <translation>正在同步 1688 订单…</translation>
    </message>
    <message>
        <source>The 1688 account “{name}” needs to be reconnected (1688 → 1688 Accounts).</source>
        <translation>1688 账号“{name}”需要重新连接（菜单“1688 接口 → 1688 账号”）。</translation>
    </message>
    <message>
        <source>No account is connected to the 1688 Open Platform. Connect one in 1688 → 1688 Accounts, or import 1688 order exports by hand.</source>
        <translation>没有连接 1688 开放平台的账号。请在菜单“1688 接口 → 1688 账号”中连接，或手动导入 1688 订单导出文件。</translation>
    </message>
    <message>
        <source>1688 sync stopped: {reason}</source>
        <translation>1688 同步已停止：{reason}</translation>
    </message>
    <message>
        <source>Checking the linked 1688 offers…</source>
        <translation>正在检查关联的 1688 货源…</translation>
    </message>
    <message>
        <source>Linked 1688 Offers</source>
        <translation>关联的 1688 货源</translation>
    </message>
    <message>
        <source>{n} linked offer(s) need attention:</source>
        <translation>{n} 个关联货源需要处理：</translation>
    </message>
    <message>
        <source>The offer check stopped: {reason}</source>
        <translation>货源检查已停止：{reason}</translation>
    </message>
</context>
<context>
    <name>OpenCaseDialog</name>
    <message>
        <source>New after-sales case · {}</source>
        <translation>新建售后单 · {}</translation>
    </message>
    <message>
        <source>What the buyer says, e.g. 杯盖漏水</source>
        <translation>买家的说法，例如：杯盖漏水</translation>
    </message>
    <message>
        <source>The goods were faulty (counts against the supplier)</source>
        <translation>商品有质量问题（计入供应商的质量记录）</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>售后类型(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Amount asked back</source>
        <translation>申请金额(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>Sale amount: {}</source>
        <translation>订单金额：{}</translation>
    </message>
</context>
<context>
    <name>OrderDetailPane</name>
    <message>
        <source>Show buyer data</source>
        <translation>显示买家信息</translation>
    </message>
    <message>
        <source>Shows the full name, phone and address; the reveal is recorded.</source>
        <translation>显示完整的姓名、电话和地址；查看操作会被记录。</translation>
    </message>
    <message>
        <source>Checked, fine</source>
        <translation>已核实，无问题</translation>
    </message>
    <message>
        <source>You checked this order&apos;s fraud warning; it is recorded. A new warning shows again.</source>
        <translation>您已核实此订单的风险提示（会被记录）。出现新的风险时会再次提示。</translation>
    </message>
    <message>
        <source>Blacklist buyer…</source>
        <translation>拉黑买家…</translation>
    </message>
    <message>
        <source>Flag this buyer&apos;s orders high risk in every shop, now and later.</source>
        <translation>将该买家在所有店铺的现有和以后的订单标为高风险。</translation>
    </message>
    <message>
        <source>Select an order to see its details.</source>
        <translation>选择一个订单以查看详情。</translation>
    </message>
    <message>
        <source>Offer ID</source>
        <translation>Offer ID</translation>
    </message>
    <message>
        <source>SKU ID</source>
        <translation>SKU ID</translation>
    </message>
    <message>
        <source>Item code</source>
        <translation>货号</translation>
    </message>
    <message>
        <source>(hidden by the platform)</source>
        <translation>（平台已隐藏）</translation>
    </message>
    <message>
        <source>(unpaid)</source>
        <translation>（未付款）</translation>
    </message>
    <message>
        <source>Sales status</source>
        <translation>订单状态</translation>
    </message>
    <message>
        <source>1688 status</source>
        <translation>1688状态</translation>
    </message>
    <message>
        <source>No 1688 order</source>
        <translation>无1688订单</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>付款时间</translation>
    </message>
    <message>
        <source>Ship by</source>
        <translation>最晚发货</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Sale amount</source>
        <translation>销售金额</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Dropship fee</source>
        <translation>代发费</translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation>运费</translation>
    </message>
    <message>
        <source>Profit</source>
        <translation>利润</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>物流公司</translation>
    </message>
    <message>
        <source>Tracking no.</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Buyer message</source>
        <translation>买家留言</translation>
    </message>
    <message>
        <source>Remark</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>The buyer data was removed.</source>
        <translation>买家信息已删除。</translation>
    </message>
    <message>
        <source>Shown in full; the reveal was recorded.</source>
        <translation>已完整显示；查看操作已记录。</translation>
    </message>
    <message>
        <source>Masked.</source>
        <translation>已打码。</translation>
    </message>
    <message>
        <source>The platform hid some of it in its export.</source>
        <translation>平台在导出文件中隐藏了部分信息。</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Buyer account</source>
        <translation>买家会员名</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>商品明细</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Spec</source>
        <translation>规格</translation>
    </message>
    <message>
        <source>After-sales…</source>
        <extracomment>Values up to this long stay on one line beside their label (dates, numbers, amounts); longer ones (an address, a title) wrap. Characters of a title shown in a table cell; the rest is in its tooltip. The same for other free text in a table (a reason, a before/after value). The same for the timeline&apos;s before and after (they hold order numbers: cut late). Fraud checks: the seller marks the warning &quot;checked, fine&quot; / blacklists the buyer.</extracomment>
        <translation>售后…</translation>
    </message>
    <message>
        <source>Open an after-sales case (售后) on this order</source>
        <translation>为此订单新建售后单</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Supplier orders</source>
        <translation>1688订单</translation>
    </message>
    <message>
        <source>Not ordered from the supplier yet.</source>
        <translation>尚未向供应商下单。</translation>
    </message>
    <message>
        <source>1688 order id</source>
        <translation>1688订单号</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Cost + fee + shipping</source>
        <translation>成本 + 代发费 + 运费</translation>
    </message>
    <message>
        <source>Paid amount</source>
        <translation>实付金额</translation>
    </message>
    <message>
        <source>Placed for shop order</source>
        <translation>对应店铺订单（下游订单号）</translation>
    </message>
    <message>
        <source>Order batch</source>
        <translation>下单批次号</translation>
    </message>
    <message>
        <source>Cancellation requests</source>
        <translation>取消申请</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>操作记录</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <source>No recorded changes.</source>
        <translation>没有变更记录。</translation>
    </message>
</context>
<context>
    <name>OrderFilterBar</name>
    <message>
        <source>All orders</source>
        <extracomment>The quick view that shows supplier orders awaiting a match instead of sales orders. The quick view of orders the fraud checks flagged (风险订单).</extracomment>
        <translation>全部订单</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>需处理</translation>
    </message>
    <message>
        <source>Sides disagree (paid ↔ cancelled)</source>
        <translation>状态不一致（已付款 ↔ 已取消）</translation>
    </message>
    <message>
        <source>Not ordered from the supplier</source>
        <translation>未向供应商下单</translation>
    </message>
    <message>
        <source>Overdue or close to the ship-by deadline</source>
        <translation>已超时或临近最晚发货时间</translation>
    </message>
    <message>
        <source>Cancellation or refund pending</source>
        <translation>取消或退款处理中</translation>
    </message>
    <message>
        <source>Risky orders (fraud checks)</source>
        <translation>风险订单</translation>
    </message>
    <message>
        <source>Supplier orders awaiting a match</source>
        <translation>待关联的1688订单</translation>
    </message>
    <message>
        <source>Any sales status</source>
        <translation>全部订单状态</translation>
    </message>
    <message>
        <source>Any 1688 status</source>
        <translation>全部1688状态</translation>
    </message>
    <message>
        <source>No 1688 order</source>
        <translation>无1688订单</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Flagged only</source>
        <translation>仅看有提醒的</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Any shop</source>
        <translation>全部店铺</translation>
    </message>
    <message>
        <source>Any supplier</source>
        <translation>全部供应商</translation>
    </message>
</context>
<context>
    <name>OrderListModel</name>
    <message>
        <source>Overdue</source>
        <extracomment>Rows read at a time. A random jump shows ~30 rows: a 100-row page (one query of ~2 ms, and a second one when the screen straddles two pages) read three times what it showed; 50 rows take ~0.8 ms a page.</extracomment>
        <translation>已超时</translation>
    </message>
    <message>
        <source>Ship soon</source>
        <translation>即将超时</translation>
    </message>
    <message>
        <source>Cancellation pending</source>
        <translation>1688取消处理中</translation>
    </message>
    <message>
        <source>Refund pending</source>
        <translation>1688退款申请中</translation>
    </message>
    <message>
        <source>Sides disagree</source>
        <translation>状态不一致</translation>
    </message>
    <message>
        <source>Not ordered from supplier</source>
        <translation>未向供应商下单</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高风险</translation>
    </message>
    <message>
        <source>Watch</source>
        <translation>关注</translation>
    </message>
    <message>
        <source>{level} (checked)</source>
        <translation>{level}（已核实）</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Shop order no.</source>
        <translation>店铺订单号</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>付款时间</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Sale amount</source>
        <translation>销售金额</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Dropship fee</source>
        <translation>代发费</translation>
    </message>
    <message>
        <source>Profit</source>
        <translation>利润</translation>
    </message>
    <message>
        <source>Sales status</source>
        <translation>订单状态</translation>
    </message>
    <message>
        <source>1688 status</source>
        <translation>1688状态</translation>
    </message>
    <message>
        <source>1688 order id</source>
        <translation>1688订单号</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>物流公司</translation>
    </message>
    <message>
        <source>Tracking no.</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Ship by</source>
        <translation>最晚发货</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>提醒</translation>
    </message>
</context>
<context>
    <name>OrderListPage</name>
    <message>
        <source>Search order no., buyer name, phone tail, product or address</source>
        <translation>搜索订单号、买家姓名、手机尾号、商品或地址</translation>
    </message>
    <message>
        <source>&amp;Only orders that can still be cancelled</source>
        <translation>只看还能取消的订单(&amp;O)</translation>
    </message>
    <message>
        <source>1688 orders awaiting payment or not shipped yet. Clear it to see all the account&apos;s orders.</source>
        <translation>1688订单待付款或尚未发货。取消勾选可查看该账号的全部订单。</translation>
    </message>
    <message>
        <source>Open the order list on &amp;1688</source>
        <translation>在1688上打开订单列表(&amp;1)</translation>
    </message>
    <message>
        <source>Open the &amp;selected order on 1688</source>
        <translation>在1688上打开所选订单(&amp;S)</translation>
    </message>
    <message>
        <source>The account&apos;s orders. Search and filter to find the ones to cancel and select them (Shift/Ctrl with the arrow keys or the mouse); you can also pick them on the next page.</source>
        <translation>该账号的订单。通过搜索和筛选找到要取消的订单并选中（Shift/Ctrl 配合方向键或鼠标）；也可以在下一步中挑选。</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n 个订单</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n supplier order(s) of the selected orders will be selected.</source>
        <translation>
            <numerusform>将选中所选订单对应的 %n 个1688订单。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) chosen in the order list are already selected.</source>
        <translation>
            <numerusform>在订单列表中选择的 %n 个订单已选中。</numerusform>
        </translation>
    </message>
    <message>
        <source>This order has no 1688 order id to open.</source>
        <translation>该订单没有可打开的1688订单号。</translation>
    </message>
</context>
<context>
    <name>OrdersView</name>
    <message>
        <source>1688 order id</source>
        <translation>1688订单号</translation>
    </message>
    <message>
        <source>1688 status</source>
        <translation>1688状态</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>实付</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>收货人</translation>
    </message>
    <message>
        <source>Orders</source>
        <extracomment>Shortcuts of the File menu&apos;s import and export actions (shown in this view&apos;s tooltips). Quick views listed by urgency (overdue first) when chosen. Whether data changed since the detail pane was loaded (else the same order is not loaded again when a sort or search keeps it current).</extracomment>
        <translation>订单</translation>
    </message>
    <message>
        <source>Search order or tracking no. (any part), buyer, phone tail, product, address</source>
        <translation>搜索订单号或运单号（任意一段）、买家、手机尾号、商品、地址</translation>
    </message>
    <message>
        <source>Copy rows</source>
        <translation>复制行</translation>
    </message>
    <message>
        <source>Copy the selected rows as a table, to paste into Excel or WPS</source>
        <translation>复制所选行（表格格式），可直接粘贴到Excel或WPS</translation>
    </message>
    <message>
        <source>Cancel order…</source>
        <translation>取消订单…</translation>
    </message>
    <message>
        <source>Cancel the selected orders on 1688 with the cancel wizard (取消订单)</source>
        <translation>用取消订单向导在1688上取消所选订单</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Import orders from a shop or 1688 export</source>
        <translation>从店铺或1688导出的文件导入订单</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Export the orders of the current filter (or the selected ones)</source>
        <translation>导出当前筛选结果中的订单（或所选订单）</translation>
    </message>
    <message>
        <source>Link to order…</source>
        <translation>关联订单…</translation>
    </message>
    <message>
        <source>1688 orders that match no shop order. Select one and link it to the shop order it belongs to; the order&apos;s cost, profit and status are then recomputed.</source>
        <translation>以下1688订单没有匹配到店铺订单。选中一个并关联到对应的店铺订单后，会重新计算该订单的成本、利润和状态。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n 个订单</numerusform>
        </translation>
    </message>
    <message>
        <source>Sales status</source>
        <extracomment>The columns left to right by default, in the order a dropshipper works an order: which order (number, buyer, product), what it is worth (amount, profit), where both sides stand (shop status, 1688 status, 1688 order no., tracking no.), the deadline and what needs doing. The rest follows and can be shown, hidden and moved from the header&apos;s context menu. The product column takes the width the others leave, but never less than this. (100 left the ship-by column 2 px out of view at 1366 px once Chinese text had loaded its fonts.)</extracomment>
        <translation>订单状态</translation>
    </message>
    <message>
        <source>High (checked)</source>
        <translation>高风险（已核实）</translation>
    </message>
    <message>
        <source>Reset columns</source>
        <translation>恢复默认列</translation>
    </message>
    <message numerus="yes">
        <source>%n supplier order(s) awaiting a match</source>
        <translation>
            <numerusform>%n 个1688订单待关联</numerusform>
        </translation>
    </message>
    <message>
        <source>Link to order</source>
        <translation>关联订单</translation>
    </message>
    <message>
        <source>Shop order no. that 1688 order {} belongs to:</source>
        <translation>1688订单 {} 对应的店铺订单号：</translation>
    </message>
    <message>
        <source>No order has the shop order no. {}. Check the number, or import the shop&apos;s orders first.</source>
        <translation>没有店铺订单号为 {} 的订单。请检查订单号，或先导入该店铺的订单。</translation>
    </message>
    <message>
        <source>Several shops have an order {}; choose one:</source>
        <translation>多个店铺都有订单 {}，请选择一个：</translation>
    </message>
    <message>
        <source>Phone</source>
        <extracomment>How long the status bar says what was copied (ms).</extracomment>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>收货地址</translation>
    </message>
    <message>
        <source>Copied %n row(s), with the buyer data you revealed; paste them into Excel or WPS.</source>
        <translation>已复制 %n 行（含您已查看的买家信息），可粘贴到 Excel 或 WPS。</translation>
    </message>
    <message>
        <source>Copied %n row(s); paste them into Excel or WPS.</source>
        <translation>已复制 %n 行，可粘贴到 Excel 或 WPS。</translation>
    </message>
</context>
<context>
    <name>PriceTiersEdit</name>
    <message>
        <source>Minimum quantity</source>
        <translation>数量达到（件）</translation>
    </message>
    <message>
        <source>Unit price (¥)</source>
        <translation>单价（¥）</translation>
    </message>
    <message>
        <source>Price tiers</source>
        <translation>阶梯价</translation>
    </message>
    <message>
        <source>From each minimum quantity on, the unit price of that row applies. Leave the table empty when the offer has one price.</source>
        <translation>购买数量达到某行的数量时，按该行的单价计算。只有一个价格时请留空。</translation>
    </message>
    <message>
        <source>Add tier</source>
        <translation>添加一档</translation>
    </message>
    <message>
        <source>Remove tier</source>
        <translation>删除此档</translation>
    </message>
    <message>
        <source>Tier {}: enter the minimum quantity.</source>
        <translation>第 {} 档：请填写数量。</translation>
    </message>
    <message>
        <source>Tier {}: the minimum quantity must be a whole number up to 1,000,000.</source>
        <translation>第 {} 档：数量必须是不超过 1,000,000 的整数。</translation>
    </message>
    <message>
        <source>Tier {}: enter the unit price.</source>
        <translation>第 {} 档：请填写单价。</translation>
    </message>
    <message>
        <source>Tier {}: the unit price is not an amount; type e.g. 9.50 (at most two decimals).</source>
        <translation>第 {} 档：单价不是有效金额，请输入如 9.50（最多两位小数）。</translation>
    </message>
    <message>
        <source>Tier {}: the unit price is too large (at most ¥10,000,000.00).</source>
        <translation>第 {} 档：单价过大（最多 ¥10,000,000.00）。</translation>
    </message>
</context>
<context>
    <name>PrivacyDialog</name>
    <message>
        <source>Delete Old Buyer Data</source>
        <extracomment>Days after which buyer data is deleted automatically at start-up; 0 = keep.</extracomment>
        <translation>删除旧的买家信息</translation>
    </message>
    <message>
        <source>Buyer names, phone numbers and addresses are personal data. Orders older than the number of days below can lose them; order numbers, products, amounts and statuses stay.</source>
        <translation>买家姓名、电话和地址属于个人信息。超过下方天数的订单可以删除这些信息；订单号、商品、金额和状态会保留。</translation>
    </message>
    <message>
        <source>Older than (days):</source>
        <translation>超过（天）：</translation>
    </message>
    <message>
        <source>Delete them automatically each time the app starts</source>
        <translation>每次启动软件时自动删除</translation>
    </message>
    <message>
        <source>Delete Now…</source>
        <translation>立即删除…</translation>
    </message>
    <message>
        <source>Delete buyer names, phone numbers and addresses of all orders older than {} days? This cannot be undone (backups made earlier still hold them until they are thinned away).</source>
        <translation>删除所有超过 {} 天的订单中的买家姓名、电话和地址吗？此操作无法撤销（之前的备份中仍保留这些信息，直到这些备份被清理）。</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>正在删除…</translation>
    </message>
    <message>
        <source>Buyer data deleted from {} orders.</source>
        <translation>已删除 {} 个订单的买家信息。</translation>
    </message>
</context>
<context>
    <name>ProductDialog</name>
    <message>
        <source>Edit product</source>
        <translation>编辑商品</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>新建商品</translation>
    </message>
    <message>
        <source>e.g. 颜色：白/灰；容量：350ml</source>
        <translation>如：颜色：白/灰；容量：350ml</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Sale price (¥)</source>
        <translation>售价（¥）</translation>
    </message>
    <message>
        <source>Specifications</source>
        <translation>规格</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Enter the product title.</source>
        <translation>请输入商品标题。</translation>
    </message>
    <message>
        <source>Listing completeness {}%. Clear product information prevents cancellations and returns. To improve:</source>
        <translation>商品信息完整度 {}%。清晰的商品信息可以减少取消订单和退货。待完善：</translation>
    </message>
    <message>
        <source>Listing completeness 100%: title, SKU, price, specifications and description are all there.</source>
        <translation>商品信息完整度 100%：标题、SKU、售价、规格和描述都已填写。</translation>
    </message>
</context>
<context>
    <name>PurchaseQueueView</name>
    <message>
        <source>(suggested)</source>
        <extracomment>Rows loaded first and per &quot;Show more&quot;: a few screenfuls. Building rows (costs, warnings) is Python work; a bigger page loaded behind the first would hold the GIL the UI paints with. The count waits this long after the first page (so it does not slow that page&apos;s paint).</extracomment>
        <translation>（建议）</translation>
    </message>
    <message>
        <source>(not confirmed)</source>
        <translation>（待确认）</translation>
    </message>
    <message>
        <source>No mapping</source>
        <translation>未关联货源</translation>
    </message>
    <message>
        <source>Ordered on 1688</source>
        <translation>已在 1688 下单</translation>
    </message>
    <message>
        <source>To order again</source>
        <translation>需重新下单</translation>
    </message>
    <message>
        <source>To order</source>
        <translation>待下单</translation>
    </message>
    <message>
        <source>(est.)</source>
        <translation>（估算）</translation>
    </message>
    <message>
        <source>Ship by</source>
        <translation>最晚发货</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>1688 offer</source>
        <translation>1688 货源</translation>
    </message>
    <message>
        <source>Pieces</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Goods {goods} + dropship fee {fee} + freight {freight}</source>
        <translation>货款 {goods} + 代发费 {fee} + 运费 {freight}</translation>
    </message>
    <message>
        <source>Profit</source>
        <translation>利润</translation>
    </message>
    <message>
        <source>Estimated from the mapped offer until the 1688 order is linked.</source>
        <translation>关联 1688 订单前按关联货源估算。</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>利润率</translation>
    </message>
    <message>
        <source>Shop line</source>
        <translation>店铺商品</translation>
    </message>
    <message>
        <source>Spec</source>
        <translation>规格</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Offer ID</source>
        <translation>商品 ID</translation>
    </message>
    <message>
        <source>Spec ID</source>
        <translation>规格 ID</translation>
    </message>
    <message>
        <source>Goods cost</source>
        <translation>货款</translation>
    </message>
    <message>
        <source>Line profit (est.)</source>
        <translation>单行利润（估算）</translation>
    </message>
    <message>
        <source>The line&apos;s sale minus its goods cost and its share of the dropship fee and freight.</source>
        <translation>该行售价减去货款及其分摊的代发费和运费。</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备用货源</translation>
    </message>
    <message>
        <source>Copy receiver and open offer</source>
        <extracomment>The dashboard&apos;s to-do cards open this view by this key (``ui/dashboard/navigation``). Made for the first purchase through a connector that talks to 1688 over the network. Opens a URL in the browser (tests replace it). Finds the connector and account for API purchases (tests replace it).</extracomment>
        <translation>复制收货信息并打开货源</translation>
    </message>
    <message>
        <source>Paste 1688 number…</source>
        <translation>粘贴 1688 订单号…</translation>
    </message>
    <message>
        <source>Not ordered</source>
        <translation>未下单</translation>
    </message>
    <message>
        <source>Place through API</source>
        <translation>通过接口下单</translation>
    </message>
    <message>
        <source>Order again…</source>
        <translation>重新下单…</translation>
    </message>
    <message>
        <source>Purchase list…</source>
        <translation>采购清单…</translation>
    </message>
    <message>
        <source>Show orders already ordered</source>
        <translation>显示已下单的订单</translation>
    </message>
    <message>
        <source>Show more</source>
        <translation>显示更多</translation>
    </message>
    <message>
        <source>Warn under margin:</source>
        <translation>利润率低于此值时提醒：</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) waiting to be ordered</source>
        <translation>
            <numerusform>%n 个订单待下单</numerusform>
        </translation>
    </message>
    <message>
        <source>Look up on 1688</source>
        <translation>在 1688 查询</translation>
    </message>
    <message>
        <source>place the 1688 order</source>
        <translation>在 1688 下单</translation>
    </message>
    <message>
        <source>The receiver is copied: paste it into 1688&apos;s address box (地址粘贴板). Place and pay the order on the 1688 page, then click “Ordered on 1688” or paste its number.</source>
        <translation>收货信息已复制：请粘贴到 1688 的地址粘贴板。在 1688 页面下单并付款后，点击“已在 1688 下单”或粘贴订单号。</translation>
    </message>
    <message>
        <source>Open the offer yourself: %1</source>
        <translation>请手动打开货源：%1</translation>
    </message>
    <message>
        <source>Link the 1688 order</source>
        <translation>关联 1688 订单</translation>
    </message>
    <message>
        <source>The 1688 order number (several: separate them with spaces):</source>
        <translation>1688 订单号（多个请用空格分隔）：</translation>
    </message>
    <message>
        <source>Order again</source>
        <translation>重新下单</translation>
    </message>
    <message>
        <source>Order %1 already has a live 1688 order. Order it again only if that one will not ship (the supplier ran out, or it is being cancelled). Order again?</source>
        <translation>订单 %1 已有有效的 1688 订单。只有在该订单无法发货时（供应商缺货或正在取消）才重新下单。确定重新下单吗？</translation>
    </message>
    <message>
        <source>No distribution account can place orders through the 1688 API (it needs 1688&apos;s ordering permission). Place the order by hand: “Copy receiver and open offer”.</source>
        <translation>没有可通过 1688 接口下单的分销账号（需要 1688 的下单权限）。请手动下单：“复制收货信息并打开货源”。</translation>
    </message>
    <message>
        <source>Save the purchase list</source>
        <translation>保存采购清单</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) written to the purchase list.</source>
        <translation>
            <numerusform>已写入 %n 行采购清单。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReasonPage</name>
    <message>
        <source>&amp;One reason for all selected orders</source>
        <translation>所选订单使用同一原因(&amp;O)</translation>
    </message>
    <message>
        <source>A reason for &amp;each order</source>
        <translation>每个订单分别填写原因(&amp;E)</translation>
    </message>
    <message numerus="yes">
        <source>Unpaid orders to close (%n)</source>
        <translation>
            <numerusform>要关闭的未付款订单（%n 个）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paid orders: refund application (%n), the supplier must agree</source>
        <translation>
            <numerusform>已付款订单：申请退款（%n 个），需供应商同意</numerusform>
        </translation>
    </message>
    <message>
        <source>You choose the same reason on the 1688 page when you cancel each order; the app keeps it with the order&apos;s history.</source>
        <translation>在1688页面上取消每个订单时请选择相同的原因；本软件会将其记入订单历史。</translation>
    </message>
    <message>
        <source>1688 could not be asked for its reason list; the built-in list is shown.</source>
        <translation>无法从1688获取原因列表，显示的是内置列表。</translation>
    </message>
    <message numerus="yes">
        <source>Also mark the supplier&apos;s offer as out of stock in the sourcing data (%n offer(s)), so it is not chosen again</source>
        <translation>
            <numerusform>同时在货源数据中将该供应商的报价标记为缺货（%n 个报价），以免再次选用</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RefundReasonEditor</name>
    <message>
        <source>Evidence image addresses, one a line (1–5)</source>
        <translation>凭证图片地址，每行一个（1–5 个）</translation>
    </message>
    <message>
        <source>Re&amp;fund reason:</source>
        <translation>退款原因(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>退款说明(&amp;D)：</translation>
    </message>
    <message>
        <source>E&amp;vidence:</source>
        <translation>凭证(&amp;V)：</translation>
    </message>
    <message>
        <source>Choose a reason…</source>
        <translation>请选择原因…</translation>
    </message>
    <message>
        <source>{count} characters ({min}–{max})</source>
        <translation>{count} 个字（{min}–{max}）</translation>
    </message>
    <message>
        <source>This reason needs evidence: 1 to 5 images.</source>
        <translation>该原因需要上传凭证：1 至 5 张图片。</translation>
    </message>
    <message>
        <source>Attach them on the 1688 page when you apply.</source>
        <translation>申请时请在1688页面上上传。</translation>
    </message>
</context>
<context>
    <name>Risk</name>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Watch</source>
        <translation>关注</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高风险</translation>
    </message>
    <message>
        <source>On the blacklist</source>
        <extracomment>Chinese names of the levels and rules, for files written without the UI&apos;s translator (the order export); the UI translates the English texts through Qt. A total weight from which an order is worth a look / is high risk. Every rule, in the order they are shown.</extracomment>
        <translation>在黑名单中</translation>
    </message>
    <message>
        <source>The buyer&apos;s {value} is on your blacklist (or a partner&apos;s you imported).</source>
        <translation>该买家的{value}在您的黑名单（或您导入的合作伙伴黑名单）中。</translation>
    </message>
    <message>
        <source>Phone number not valid</source>
        <translation>手机号无效</translation>
    </message>
    <message>
        <source>The recipient&apos;s phone is neither a valid mainland mobile nor a landline number: the parcel may not be deliverable, or the order is fake.</source>
        <translation>收件人电话既不是有效的大陆手机号也不是固定电话：包裹可能无法送达，或者是虚假订单。</translation>
    </message>
    <message>
        <source>Address incomplete</source>
        <translation>地址不完整</translation>
    </message>
    <message>
        <source>The address has no {value}: check it with the buyer before the supplier ships.</source>
        <translation>地址缺少{value}：请在供应商发货前与买家核对。</translation>
    </message>
    <message>
        <source>Parcel locker for valuable goods</source>
        <translation>高价商品寄快递柜/代收点</translation>
    </message>
    <message>
        <source>Goods worth {value} go to a parcel locker or pick-up point (快递柜/代收点): nobody signs for them, which makes a &apos;never received&apos; claim easy.</source>
        <translation>价值 {value} 的商品寄往快递柜或代收点：无人签收，买家很容易声称“未收到货”。</translation>
    </message>
    <message>
        <source>Recipient is not a name</source>
        <translation>收件人不像真实姓名</translation>
    </message>
    <message>
        <source>The recipient&apos;s name does not look like a person&apos;s name (digits, symbols, a placeholder or a word such as &apos;customer&apos;).</source>
        <translation>收件人姓名不像真实姓名（含数字、符号、占位词或“客户”之类的词）。</translation>
    </message>
    <message>
        <source>One phone, many names</source>
        <translation>同一手机号多个收件人</translation>
    </message>
    <message>
        <source>This phone number received orders under {value} different names within {days} days.</source>
        <translation>该手机号在 {days} 天内以 {value} 个不同姓名收货。</translation>
    </message>
    <message>
        <source>One address, many names</source>
        <translation>同一地址多个收件人</translation>
    </message>
    <message>
        <source>This address received orders under {value} different names within {days} days.</source>
        <translation>该地址在 {days} 天内以 {value} 个不同姓名收货。</translation>
    </message>
    <message>
        <source>One buyer, many phones</source>
        <translation>同一买家多个手机号</translation>
    </message>
    <message>
        <source>The same name at the same address (or the same member) used {value} different phone numbers within {days} days.</source>
        <translation>同一地址的同一收件人（或同一会员）在 {days} 天内使用了 {value} 个不同手机号。</translation>
    </message>
    <message>
        <source>Repeated refunds</source>
        <translation>多次退款</translation>
    </message>
    <message>
        <source>This buyer (same phone, member or address) had {value} refunds, 仅退款 or disputes before, in any of your shops.</source>
        <translation>该买家（同一手机号、会员或地址）此前在您的店铺中有 {value} 次退款、仅退款或纠纷。</translation>
    </message>
    <message>
        <source>High refund ratio</source>
        <translation>退款率高</translation>
    </message>
    <message>
        <source>{value} % of this buyer&apos;s orders in your shops ended in a refund.</source>
        <translation>该买家在您店铺的订单中有 {value}% 以退款结束。</translation>
    </message>
    <message>
        <source>Complaints before</source>
        <translation>曾有投诉</translation>
    </message>
    <message>
        <source>This buyer filed {value} complaint(s) against your shops before (e.g. &apos;counterfeit&apos; claims, 职业打假).</source>
        <translation>该买家此前对您的店铺发起过 {value} 次投诉（如“假货”投诉、职业打假）。</translation>
    </message>
    <message>
        <source>Unusual quantity or amount</source>
        <translation>数量或金额异常</translation>
    </message>
    <message>
        <source>The {value} is far above what this shop usually sells of this product (about {norm} per order).</source>
        <translation>{value}远高于本店该商品的常见水平（每单约 {norm}）。</translation>
    </message>
    <message>
        <source>Several orders to one address</source>
        <translation>短时间多单发往同一地址</translation>
    </message>
    <message>
        <source>{value} orders went to this address within {hours} hours.</source>
        <translation>{hours} 小时内有 {value} 个订单发往该地址。</translation>
    </message>
    <message>
        <source>Risky payment method</source>
        <translation>高风险支付方式</translation>
    </message>
    <message>
        <source>Paid by a method on your risk list (seed 7.1 ②): the money is not safe until the buyer pays or keeps the goods.</source>
        <translation>使用了您风险清单上的支付方式：在买家付款或确认收货前，货款并不安全。</translation>
    </message>
    <message>
        <source>Asks to ship elsewhere</source>
        <translation>要求改寄他处</translation>
    </message>
    <message>
        <source>The buyer&apos;s message asks to send the goods to another address than the order&apos;s.</source>
        <translation>买家留言要求把货发到订单地址以外的地方。</translation>
    </message>
    <message>
        <source>Asks to talk off-platform</source>
        <translation>要求站外联系</translation>
    </message>
    <message>
        <source>The buyer&apos;s message asks to contact or pay outside the platform (WeChat, QQ, transfer): the platform then protects neither side.</source>
        <translation>买家留言要求在平台外联系或付款（微信、QQ、转账）：平台将无法保护买卖双方。</translation>
    </message>
    <message>
        <source>Dispute awaiting your answer</source>
        <translation>纠纷待回复</translation>
    </message>
    <message>
        <source>A dispute or after-sales case on this order needs your answer within {value} hour(s): unanswered, the platform decides for the buyer (seed 7.1 ③).</source>
        <translation>此订单的纠纷或售后需要您在 {value} 小时内回复：逾期不回复，平台将判买家胜诉。</translation>
    </message>
    <message>
        <source>district or county</source>
        <extracomment>Goods at least this much (fen) to a parcel locker fire ``locker_high_value``. Payment methods (substrings, matched case-insensitively) on the seller&apos;s risk list. The look-back window of the &quot;many names / many phones&quot; rules. How many distinct names (or phones) on one key within the window fire the rule. Orders to one address within ``burst_hours`` that fire ``address_burst``. Refunds, 仅退款 or disputes before that fire ``history_refunds``. Refund ratio (percent) over at least ``ratio_min_orders`` orders. A product needs this many earlier orders in the shop before its norm counts. Quantity/amount at least this many times the norm fire ``quantity_outlier``.</extracomment>
        <translation>区县</translation>
    </message>
    <message>
        <source>street and number</source>
        <translation>街道和门牌号</translation>
    </message>
    <message>
        <source>phone number</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>member name</source>
        <translation>会员名</translation>
    </message>
    <message>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>name and phone</source>
        <translation>姓名和手机号</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>cancel them</source>
        <translation>取消这些订单</translation>
    </message>
    <message>
        <source>Fraud checks</source>
        <translation>防骗检查</translation>
    </message>
    <message>
        <source>No warning.</source>
        <translation>无风险提示。</translation>
    </message>
    <message>
        <source>checked by you: fine</source>
        <translation>您已核实：无问题</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>……以及另外 {count} 个</translation>
    </message>
    <message>
        <source>High-risk orders</source>
        <translation>高风险订单</translation>
    </message>
    <message>
        <source>{count} of these orders are high risk. Check them before you {action}.</source>
        <translation>其中有 {count} 个高风险订单。请先核实，再{action}。</translation>
    </message>
    <message>
        <source>Continue anyway</source>
        <translation>仍然继续</translation>
    </message>
    <message>
        <source>Stop and check</source>
        <translation>停下核实</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Name and phone</source>
        <translation>姓名+手机号</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Member name</source>
        <translation>会员名</translation>
    </message>
    <message>
        <source>Add the buyer to the blacklist</source>
        <translation>将买家加入黑名单</translation>
    </message>
    <message>
        <source>Orders of this buyer (in every shop, now and later) will be flagged high risk. Only a hash and a masked hint are kept.</source>
        <translation>该买家在所有店铺的现有和以后的订单都会被标为高风险。只保存哈希值和打码提示。</translation>
    </message>
    <message>
        <source>e.g. 仅退款 twice, fake address</source>
        <translation>例如：两次仅退款、虚假地址</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Add to blacklist</source>
        <translation>加入黑名单</translation>
    </message>
    <message>
        <source>Blacklist</source>
        <translation>黑名单</translation>
    </message>
    <message>
        <source>Buyers here are flagged high risk in every shop. The list holds salted hashes and masked hints, not the phone numbers or addresses. An exported file carries the salt so that a partner can match it: anyone holding the file can still test whether a given number is on it, so share it only with sellers you trust.</source>
        <translation>名单中的买家在所有店铺都会被标为高风险。名单只保存加盐哈希和打码提示，不保存手机号或地址。导出的文件带有盐值，以便合作伙伴比对：持有文件的人仍可验证某个号码是否在名单上，因此只与您信任的卖家分享。</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Hint</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>加入时间</translation>
    </message>
    <message>
        <source>List</source>
        <translation>名单</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>Export the blacklist</source>
        <translation>导出黑名单</translation>
    </message>
    <message>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>The share code the sender gave you (empty for an older file):</source>
        <translation>发送方给你的分享码（旧版文件留空）：</translation>
    </message>
    <message>
        <source>Import a blacklist</source>
        <translation>导入黑名单</translation>
    </message>
    <message>
        <source>{count} entries exported.

Share code: {code}
(copied to the clipboard)

Your partner needs this code to import the file. Send it separately (a call, another chat), never with the file.</source>
        <translation>已导出 {count} 条。

分享码：{code}
（已复制到剪贴板）

对方导入此文件时需要这个分享码。请另行告知（电话或另一个聊天），不要和文件一起发送。</translation>
    </message>
    <message>
        <source>Blacklist files (*.xlsx *.csv)</source>
        <translation>黑名单文件 (*.xlsx *.csv)</translation>
    </message>
</context>
<context>
    <name>SelectPage</name>
    <message>
        <source>Filter by order no. or product</source>
        <translation>按订单号或商品筛选</translation>
    </message>
    <message>
        <source>Select all &amp;cancellable</source>
        <translation>全选可取消的订单(&amp;C)</translation>
    </message>
    <message>
        <source>C&amp;lear selection</source>
        <translation>清除选择(&amp;L)</translation>
    </message>
    <message>
        <source>Check the supplier orders to cancel (Space checks the selected rows). Orders with a cancellation already under way cannot be checked.</source>
        <translation>勾选要取消的1688订单（按空格键勾选所选行）。已有进行中取消申请的订单无法勾选。</translation>
    </message>
    <message>
        <source>1688 order id</source>
        <translation>1688订单号</translation>
    </message>
    <message>
        <source>What will happen</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>1688 status</source>
        <translation>1688状态</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Shop order no.</source>
        <translation>店铺订单号</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>全选</translation>
    </message>
    <message numerus="yes">
        <source>Select %n orders to cancel?</source>
        <translation>
            <numerusform>要选择 %n 个订单来取消吗？</numerusform>
        </translation>
    </message>
    <message>
        <source>Each will be closed on 1688 or get a refund application, and every shop order cancelled lowers the shop&apos;s rating. Nothing is sent before step 6.</source>
        <translation>每个订单都会在1688上关闭或申请退款；每取消一个店铺订单，店铺评分都会下降。第 6 步之前不会发送任何内容。</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>{selected} selected: {closes} to close, {refunds} refund application(s), {waits} to wait for, {others} not cancellable here.</source>
        <translation>已选 {selected} 个：{closes} 个关闭，{refunds} 个申请退款，{waits} 个需等待，{others} 个无法在此取消。</translation>
    </message>
</context>
<context>
    <name>ShippingView</name>
    <message>
        <source>To send</source>
        <extracomment>Rows loaded first and per &quot;Show more&quot; (the export always takes every order to ship).</extracomment>
        <translation>待回传</translation>
    </message>
    <message>
        <source>Sent to shop</source>
        <translation>已回传店铺</translation>
    </message>
    <message>
        <source>Tracking number changed!</source>
        <translation>运单号已变更！</translation>
    </message>
    <message>
        <source>Taobao</source>
        <translation>淘宝</translation>
    </message>
    <message>
        <source>Tmall</source>
        <translation>天猫</translation>
    </message>
    <message>
        <source>Pinduoduo</source>
        <translation>拼多多</translation>
    </message>
    <message>
        <source>Douyin</source>
        <translation>抖音</translation>
    </message>
    <message>
        <source>Kuaishou</source>
        <translation>快手</translation>
    </message>
    <message>
        <source>Sent to the shop as %1, but 1688 now shows %2: correct the tracking number on the shop, or export it again.</source>
        <translation>回传店铺的运单号是 %1，但 1688 现在显示 %2：请在店铺修改运单号，或重新导出。</translation>
    </message>
    <message>
        <source>Written to a batch-ship file on %1.</source>
        <translation>已于 %1 写入批量发货文件。</translation>
    </message>
    <message>
        <source>Ship by</source>
        <translation>最晚发货</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>1688 order</source>
        <translation>1688 订单</translation>
    </message>
    <message>
        <source>Carrier (1688)</source>
        <translation>物流公司（1688）</translation>
    </message>
    <message>
        <source>Carrier for the shop</source>
        <translation>店铺物流公司</translation>
    </message>
    <message>
        <source>Unknown: ship by hand</source>
        <translation>无法识别：请手动发货</translation>
    </message>
    <message>
        <source>Tracking no.</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Profit</source>
        <translation>利润</translation>
    </message>
    <message>
        <source> (est.)</source>
        <translation>（估算）</translation>
    </message>
    <message>
        <source>Estimated until the 1688 export shows what was really paid.</source>
        <translation>在 1688 导出显示实付款前为估算值。</translation>
    </message>
    <message>
        <source>From what was really paid on 1688.</source>
        <translation>按 1688 实付款计算。</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Hide orders already sent</source>
        <extracomment>The dashboard&apos;s to-do cards open this view by this key (``ui/dashboard/navigation``). Asks where to save (tests replace it). How many orders are to ship (counted in the background; None until then).</extracomment>
        <translation>隐藏已回传的订单</translation>
    </message>
    <message>
        <source>Export batch-ship file…</source>
        <translation>导出批量发货文件…</translation>
    </message>
    <message>
        <source>Show more</source>
        <translation>显示更多</translation>
    </message>
    <message>
        <source>Shop:</source>
        <translation>店铺：</translation>
    </message>
    <message>
        <source>Upload the file on the shop&apos;s batch-ship page (批量发货). Carriers are written the way each platform lists them; orders leave this list when the next shop export shows them shipped.</source>
        <translation>请在店铺后台的“批量发货”页面上传该文件。物流公司按各平台的名称写入；下次导入的店铺订单显示已发货后，订单会从此列表移除。</translation>
    </message>
    <message>
        <source>To ship</source>
        <translation>待发货</translation>
    </message>
    <message>
        <source>All shops</source>
        <translation>全部店铺</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) were sent to the shop with a tracking number that 1688 has changed since: correct them on the shop.</source>
        <translation>
            <numerusform>有 %n 个订单回传店铺后 1688 运单号已变更：请在店铺中更正。</numerusform>
        </translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) with a 1688 tracking number to ship</source>
        <translation>
            <numerusform>%n 个订单已有 1688 运单号待发货</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the batch-ship file</source>
        <translation>保存批量发货文件</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Left out: %1</source>
        <translation>未写入：%1</translation>
    </message>
</context>
<context>
    <name>ShopTodo</name>
    <message>
        <source>This does not cancel the buyer&apos;s order on the shop. Afterwards you must still cancel or refund the buyer of %n shop order(s) there — or ship from another source — before the ship-by deadline.</source>
        <translation>这不会取消买家在店铺里的订单。之后您仍需在店铺里为 %n 个订单取消或退款给买家（或从其他货源发货），并且要在最晚发货时间之前完成。</translation>
    </message>
    <message>
        <source>Now, on the shop: cancel or refund the buyer of these %n order(s) — or ship them from another source — before the ship-by deadline. The 1688 side does not change the shop order.</source>
        <translation>现在请到店铺里处理这 %n 个订单：取消或退款给买家（或从其他货源发货），务必在最晚发货时间之前完成。1688端的操作不会改变店铺订单。</translation>
    </message>
    <message>
        <source>ship-by deadline unknown</source>
        <extracomment>Shop orders listed by name; the rest are counted.</extracomment>
        <translation>最晚发货时间未知</translation>
    </message>
    <message>
        <source>ship by {when}</source>
        <translation>最晚发货 {when}</translation>
    </message>
    <message>
        <source>overdue: {}</source>
        <translation>已超时：{}</translation>
    </message>
    <message>
        <source>… and %n more</source>
        <translation>…… 另有 %n 个</translation>
    </message>
    <message>
        <source>Still to do on the shop</source>
        <translation>店铺端还需处理</translation>
    </message>
    <message>
        <source>&amp;Done on the shop: mark them closed/refunded</source>
        <translation>店铺里已处理：标记为已关闭/已退款(&amp;D)</translation>
    </message>
    <message>
        <source>Only once you cancelled or refunded the buyers on the shop itself: unpaid orders become closed, paid ones refunded, and their ship-by warning ends.</source>
        <translation>仅在您已在店铺里为买家取消或退款之后点击：未付款订单记为交易关闭，已付款订单记为已退款，其发货超时提醒随之结束。</translation>
    </message>
    <message>
        <source>Recorded: %n shop order(s) marked closed or refunded on the shop.</source>
        <translation>已记录：%n 个店铺订单标记为已关闭或已退款。</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>{tip} ({shortcut})</source>
        <translation>{tip}（{shortcut}）</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>A&amp;dd account…</source>
        <translation>添加账号(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>登录(&amp;S)</translation>
    </message>
    <message>
        <source>I have &amp;signed in on 1688</source>
        <translation>我已在1688上登录(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Open the sign-in page again</source>
        <translation>重新打开登录页面(&amp;O)</translation>
    </message>
    <message>
        <source>Distribution &amp;account:</source>
        <translation>分销账号(&amp;A)：</translation>
    </message>
    <message>
        <source>Choose the 1688 account the supplier orders were placed with, then sign in. Nothing is sent to 1688 before the last step.</source>
        <translation>请选择下1688订单时使用的账号，然后登录。最后一步之前不会向1688发送任何请求。</translation>
    </message>
    <message>
        <source>No distribution account yet: add the one you buy with on 1688.</source>
        <translation>还没有分销账号：请添加您在1688上采购所用的账号。</translation>
    </message>
    <message>
        <source>1688 member id: {member} · Connector: {connector}</source>
        <translation>1688会员ID：{member} · 连接方式：{connector}</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>Signed in as {}.</source>
        <translation>已登录：{}。</translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation>已登录。</translation>
    </message>
    <message>
        <source>Signed in (confirmed by you).</source>
        <translation>已登录（由您确认）。</translation>
    </message>
</context>
<context>
    <name>SourcingView</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>0 (out of stock)</source>
        <translation>0（缺货）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>1688 member id</source>
        <translation>1688会员ID</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>所在地</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Years on 1688</source>
        <translation>1688年限</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>On-time rate</source>
        <translation>准时发货率</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>问题次数</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>报价</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Sale price</source>
        <translation>售价</translation>
    </message>
    <message>
        <source>Listing complete</source>
        <translation>信息完整度</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>单价成本</translation>
    </message>
    <message>
        <source>Price tiers</source>
        <translation>阶梯价</translation>
    </message>
    <message>
        <source>MOQ</source>
        <translation>起批量</translation>
    </message>
    <message>
        <source>Lead time (days)</source>
        <translation>发货时效（天）</translation>
    </message>
    <message>
        <source>Dropship</source>
        <translation>一件代发</translation>
    </message>
    <message>
        <source>Dropship fee</source>
        <translation>代发费</translation>
    </message>
    <message>
        <source>Fulfilment</source>
        <translation>代发方式</translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation>运费</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>1688 offer</source>
        <translation>1688商品</translation>
    </message>
    <message>
        <source>Last checked</source>
        <translation>最近核实</translation>
    </message>
    <message>
        <source>Preferred</source>
        <translation>首选</translation>
    </message>
    <message>
        <source>New supplier…</source>
        <translation>新建供应商…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>1688 platform suppliers: stable supply, assured quality, trusted; pricier, slower, higher minimums. Channel distributors: cheaper, faster, small minimums; unstable supply, counterfeit risk, less trustworthy.</source>
        <translation>1688平台供应商：货源稳定、质量有保障、可信度高，但价格偏高、发货较慢、起批量较高。渠道商：价格低、发货快、起批量小，但货源不稳定、有假货风险、可信度较低。</translation>
    </message>
    <message>
        <source>New product…</source>
        <translation>新建商品…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>New offer…</source>
        <translation>新建报价…</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>比价</translation>
    </message>
    <message>
        <source>Sourcing</source>
        <translation>货源</translation>
    </message>
    <message>
        <source>Suppliers</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Products and offers</source>
        <translation>商品与报价</translation>
    </message>
    <message>
        <source>Offers for “{}”</source>
        <translation>“{}”的货源报价</translation>
    </message>
    <message>
        <source>Listing {}% complete. To improve:</source>
        <translation>商品信息完整度 {}%。待完善：</translation>
    </message>
    <message>
        <source>Listing complete.</source>
        <translation>商品信息完整。</translation>
    </message>
    <message>
        <source>Clear the preferred offer</source>
        <translation>取消首选报价</translation>
    </message>
    <message>
        <source>Use this offer when supplier orders are created for the product</source>
        <translation>为该商品下1688订单时使用此报价</translation>
    </message>
    <message>
        <source>Delete the supplier “{}”?</source>
        <translation>删除供应商“{}”吗？</translation>
    </message>
    <message>
        <source>Delete the product “{}” and its {} offer(s)?</source>
        <translation>删除商品“{}”及其 {} 个报价吗？</translation>
    </message>
    <message>
        <source>Delete the offer of “{}” at {}?</source>
        <translation>删除“{}”的报价（{}）吗？</translation>
    </message>
    <message>
        <source>Import products and offers</source>
        <translation>导入商品和报价</translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.xlsx *.xls);;All files (*)</source>
        <translation>表格文件 (*.csv *.xlsx *.xls);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Export suppliers</source>
        <translation>导出供应商</translation>
    </message>
    <message>
        <source>suppliers</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Export offers</source>
        <translation>导出报价</translation>
    </message>
    <message>
        <source>offers</source>
        <translation>报价</translation>
    </message>
    <message>
        <source>Exported {} rows to {}.</source>
        <translation>已将 {} 行导出到 {}。</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>No orders yet</source>
        <translation>还没有订单</translation>
    </message>
    <message>
        <source>Bring in your orders to see both sides of each one — the shop order and its 1688 purchase — with profit, deadlines and what needs doing.</source>
        <translation>导入订单后，每笔订单的两端（店铺订单和1688采购单）、利润、发货期限和需处理的事项都一目了然。</translation>
    </message>
    <message>
        <source>Import shop orders…</source>
        <translation>导入店铺订单…</translation>
    </message>
    <message>
        <source>The order export of your shop (Taobao, Pinduoduo, Douyin, Kuaishou…): CSV or Excel, as the platform gives it.</source>
        <translation>从店铺后台导出的订单文件（淘宝、拼多多、抖店、快手等），CSV 或 Excel 原样导入即可。</translation>
    </message>
    <message>
        <source>Import 1688 orders…</source>
        <translation>导入1688订单…</translation>
    </message>
    <message>
        <source>The 1688 buyer-side order export (已买到的货品): each purchase is matched to its shop order.</source>
        <translation>1688买家端导出的订单（已买到的货品）：每笔采购单会自动对应到它的店铺订单。</translation>
    </message>
    <message>
        <source>Add suppliers and offers…</source>
        <translation>添加供应商和货源…</translation>
    </message>
    <message>
        <source>Record your 1688 suppliers and their offers to compare cost and terms.</source>
        <translation>记录1688供应商及其货源，比较成本和条件。</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>试用演示数据</translation>
    </message>
    <message>
        <source>Opens a separate demo database with sample orders in a second window; your own data is not touched.</source>
        <translation>在新窗口中打开单独的演示数据库（含示例订单），不会改动您自己的数据。</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Unknown ({})</source>
        <extracomment>The one date style of the Chinese UI (and of exports): ``2026-12-02 23:44``.</extracomment>
        <translation>未知（{}）</translation>
    </message>
</context>
<context>
    <name>StepPage</name>
    <message>
        <source>Step {n} of 6 · {name}</source>
        <extracomment>1688 statuses the wizard can act on (close unpaid, apply for the refund of unshipped). &quot;Select all&quot; asks first when it would check more orders than this.</extracomment>
        <translation>第 {n} 步（共 6 步）· {name}</translation>
    </message>
</context>
<context>
    <name>SubmitPage</name>
    <message>
        <source>&amp;Submit the cancellation requests</source>
        <extracomment>Shown for requests not sent because the seller stopped the batch. What step 6 does next: decided in plain Python (domain.cancel_sending), done here. Counts the waiting orders down and sends each once its time has come.</extracomment>
        <translation>提交取消申请(&amp;S)</translation>
    </message>
    <message>
        <source>%v of %m orders</source>
        <translation>%v / %m 个订单</translation>
    </message>
    <message>
        <source>&amp;Retry failed</source>
        <translation>重试失败的订单(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Open the order page again</source>
        <translation>重新打开订单页面(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Not done</source>
        <translation>未完成(&amp;N)</translation>
    </message>
    <message>
        <source>Refund no. or what 1688 said (optional)</source>
        <translation>退款单号或1688的提示（可选）</translation>
    </message>
    <message>
        <source>What cancelling costs</source>
        <translation>取消订单的代价</translation>
    </message>
    <message>
        <source>1688 order id</source>
        <translation>1688订单号</translation>
    </message>
    <message>
        <source>Shop order no.</source>
        <translation>店铺订单号</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>{closes} order(s) to close and {refunds} refund application(s) to make on 1688; {skipped} order(s) will be skipped. For each order the 1688 page opens in your browser: do it there, then say here whether it was done.</source>
        <translation>需要在1688上关闭 {closes} 个订单、申请 {refunds} 个退款；将跳过 {skipped} 个订单。每个订单的1688页面会在浏览器中打开：请在那里操作，然后在这里告知是否已完成。</translation>
    </message>
    <message>
        <source>Ready to send {closes} close request(s) and {refunds} refund application(s); {skipped} order(s) will be skipped. Each request is recorded before it is sent.</source>
        <translation>准备发送 {closes} 个关闭请求和 {refunds} 个退款申请；将跳过 {skipped} 个订单。每个请求在发送前都会先记录下来。</translation>
    </message>
    <message>
        <source>Not sent yet</source>
        <translation>尚未发送</translation>
    </message>
    <message>
        <source>Will be skipped</source>
        <translation>将跳过</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Recording the requests…</source>
        <translation>正在记录请求…</translation>
    </message>
    <message>
        <source>The requests could not be recorded; nothing was sent.</source>
        <translation>无法记录请求，未发送任何内容。</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>未发送</translation>
    </message>
    <message numerus="yes">
        <source>Waiting: 1688 refuses to close an order in its first 10 seconds; the %n waiting order(s) are sent automatically.</source>
        <translation>
            <numerusform>等待中：订单创建后 10 秒内1688不允许关闭；等待中的 %n 个订单到时会自动发送。</numerusform>
        </translation>
    </message>
    <message>
        <source>Opening on 1688…</source>
        <translation>正在打开1688页面…</translation>
    </message>
    <message>
        <source>Order {n} of {total}: do it on 1688, then answer here.</source>
        <translation>第 {n} 个，共 {total} 个：请在1688上操作，然后在这里回答。</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <source>Sending {n} of {total}…</source>
        <translation>正在发送第 {n} 个，共 {total} 个…</translation>
    </message>
    <message>
        <source>Retrying…</source>
        <translation>正在重试…</translation>
    </message>
    <message numerus="yes">
        <source>Waiting %n s, then sent</source>
        <translation>
            <numerusform>等待 %n 秒后发送</numerusform>
        </translation>
    </message>
    <message>
        <source>Unknown: an unexpected error stopped the sending; check on 1688.</source>
        <translation>未知：发送因意外错误而中止，请在1688上核实。</translation>
    </message>
    <message>
        <source>Done: {closed} closed, {refunds} refund(s) requested, {failed} failed, {skipped} skipped, {interrupted} to check on 1688.</source>
        <translation>完成：已关闭 {closed} 个，已申请退款 {refunds} 个，失败 {failed} 个，跳过 {skipped} 个，{interrupted} 个需在1688上核实。</translation>
    </message>
    <message>
        <source>1688 order {order}: close it on 1688 (取消订单) with the reason “{reason}” and the remark “{remark}”.</source>
        <translation>1688订单 {order}：请在1688上取消订单，原因选“{reason}”，备注填“{remark}”。</translation>
    </message>
    <message>
        <source>&amp;Closed on 1688</source>
        <translation>1688上已关闭(&amp;C)</translation>
    </message>
    <message>
        <source>1688 order {order}: apply for a refund of {amount} on 1688 (申请退款) with the reason “{reason}” and the description “{remark}”.</source>
        <translation>1688订单 {order}：请在1688上申请退款 {amount}，原因选“{reason}”，退款说明填“{remark}”。</translation>
    </message>
    <message>
        <source>&amp;Refund applied for on 1688</source>
        <translation>1688上已申请退款(&amp;R)</translation>
    </message>
    <message>
        <source>Open this address in your browser: {}</source>
        <translation>请在浏览器中打开此地址：{}</translation>
    </message>
    <message>
        <source>Waiting for your answer</source>
        <translation>等待您确认</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>SupplierDialog</name>
    <message>
        <source>Edit supplier</source>
        <translation>编辑供应商</translation>
    </message>
    <message>
        <source>New supplier</source>
        <translation>新建供应商</translation>
    </message>
    <message>
        <source>1688 platform suppliers: stable supply, assured quality, trusted — but pricier and slower.
Channel distributors: cheaper, faster, small minimums — but unstable supply and counterfeit risk.</source>
        <translation>1688平台供应商：货源稳定、质量有保障、可信度高，但价格偏高、发货较慢。
渠道商：价格低、发货快、起批量小，但货源不稳定、有假货风险。</translation>
    </message>
    <message>
        <source> years</source>
        <translation> 年</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Counterfeit or quality problems you have recorded.</source>
        <translation>您记录的假货或质量问题次数。</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>1688 member id</source>
        <translation>1688会员ID</translation>
    </message>
    <message>
        <source>Shop URL</source>
        <translation>店铺网址</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>所在地</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Years on 1688</source>
        <translation>1688经营年限</translation>
    </message>
    <message>
        <source>Rating (0–5)</source>
        <translation>评分（0–5）</translation>
    </message>
    <message>
        <source>On-time shipping</source>
        <translation>准时发货率</translation>
    </message>
    <message>
        <source>Counterfeit/quality incidents</source>
        <translation>假货/质量问题</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Enter the supplier&apos;s name.</source>
        <translation>请输入供应商名称。</translation>
    </message>
    <message>
        <source>The name is longer than 200 characters.</source>
        <translation>名称超过 200 个字符。</translation>
    </message>
    <message>
        <source>The shop URL must start with http:// or https://.</source>
        <translation>店铺网址必须以 http:// 或 https:// 开头。</translation>
    </message>
</context>
<context>
    <name>SupplierStepDialog</name>
    <message>
        <source>Supplier side: {}</source>
        <extracomment>Made when the connector talks to 1688 over the network (see submit()).</extracomment>
        <translation>供应商端：{}</translation>
    </message>
    <message>
        <source>1688 order</source>
        <translation>1688订单</translation>
    </message>
    <message>
        <source>none linked</source>
        <translation>未关联</translation>
    </message>
    <message>
        <source>Amount to ask back (paid: {})</source>
        <translation>申请退款金额（实付：{}）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>退款原因</translation>
    </message>
    <message>
        <source>2–150 characters, e.g. 杯盖漏水，买家退货</source>
        <translation>2–150 个字，例如：杯盖漏水，买家退货</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>退款说明</translation>
    </message>
    <message>
        <source>The buyer received the goods</source>
        <translation>买家已收到货</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>物流公司</translation>
    </message>
    <message>
        <source>Return tracking no.</source>
        <translation>退货运单号</translation>
    </message>
    <message>
        <source>Return address</source>
        <translation>退货地址</translation>
    </message>
    <message>
        <source>Return address (if goods go back)</source>
        <translation>退货地址（需退货时）</translation>
    </message>
    <message>
        <source>Amount the supplier refunded</source>
        <translation>供应商退回的金额</translation>
    </message>
    <message>
        <source>What the supplier said</source>
        <translation>供应商的答复</translation>
    </message>
    <message>
        <source>Open the order on 1688</source>
        <translation>在1688打开订单</translation>
    </message>
    <message>
        <source>I applied for this refund on 1688</source>
        <translation>我已在1688提交此退款申请</translation>
    </message>
    <message>
        <source>I entered the return parcel on 1688</source>
        <translation>我已在1688填写退货物流</translation>
    </message>
    <message>
        <source>1688 refund id (optional)</source>
        <translation>1688退款单号（可选）</translation>
    </message>
    <message>
        <source>No browser could be opened. Open {} yourself.</source>
        <translation>无法打开浏览器。请自行打开 {}。</translation>
    </message>
    <message>
        <source>Do it on 1688 first, then tick the box to confirm it was done.</source>
        <translation>请先在1688上操作，然后勾选确认已完成。</translation>
    </message>
</context>
<context>
    <name>TemplatesDialog</name>
    <message>
        <source>Reply templates</source>
        <translation>回复模板</translation>
    </message>
    <message>
        <source>Any kind</source>
        <translation>所有类型</translation>
    </message>
    <message>
        <source>Placeholders: {订单号} order no., {商品} product, {金额} amount, {运单号} tracking no.</source>
        <translation>占位符：{订单号} 订单号，{商品} 商品，{金额} 金额，{运单号} 运单号</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>售后类型</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>1688 order</source>
        <translation>1688订单</translation>
    </message>
    <message>
        <source>Cancellation</source>
        <translation>取消申请</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>已创建</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>已修改</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>Status updated from an imported file</source>
        <translation>导入文件更新了状态</translation>
    </message>
    <message>
        <source>Buyer data shown</source>
        <translation>查看了买家信息</translation>
    </message>
    <message>
        <source>Linked to this order by hand</source>
        <translation>已手动关联到此订单</translation>
    </message>
    <message>
        <source>Matched to this order on import (recipient and product)</source>
        <translation>导入时按收货人和商品匹配到此订单</translation>
    </message>
    <message>
        <source>Linked to this order on import (its 下游订单号)</source>
        <translation>导入时按下游订单号关联到此订单</translation>
    </message>
    <message>
        <source>Cancellation recorded</source>
        <translation>已记录取消申请</translation>
    </message>
    <message>
        <source>Cancellation started on 1688</source>
        <translation>已开始在1688上取消</translation>
    </message>
    <message>
        <source>Cancellation skipped</source>
        <translation>已跳过取消</translation>
    </message>
    <message>
        <source>Cancellation done: order closed</source>
        <translation>取消完成：订单已关闭</translation>
    </message>
    <message>
        <source>Cancellation done: refund requested</source>
        <translation>取消完成：已申请退款</translation>
    </message>
    <message>
        <source>Cancellation done: refunded</source>
        <translation>取消完成：已退款</translation>
    </message>
    <message>
        <source>Cancellation failed</source>
        <translation>取消失败</translation>
    </message>
    <message>
        <source>Cancellation interrupted</source>
        <translation>取消申请已中断</translation>
    </message>
    <message>
        <source>Interrupted cancellation resolved</source>
        <translation>已处理中断的取消申请</translation>
    </message>
    <message>
        <source>Closed on 1688</source>
        <translation>已在1688关闭</translation>
    </message>
    <message>
        <source>Refund requested on 1688</source>
        <translation>已在1688申请退款</translation>
    </message>
    <message>
        <source>Status follows the cancelled 1688 orders</source>
        <translation>订单状态随已取消的1688订单更新</translation>
    </message>
    <message>
        <source>Shop status recorded by the seller</source>
        <translation>卖家记录了店铺状态</translation>
    </message>
    <message>
        <source>Goods lines taken from an item report</source>
        <translation>商品明细取自宝贝报表</translation>
    </message>
    <message>
        <source>Amount updated from an imported file (price changed on the platform)</source>
        <translation>金额已按导入的文件更新（已在平台改价）</translation>
    </message>
    <message>
        <source>Refund updated from an imported file</source>
        <translation>退款状态已按导入的文件更新</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>State</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>1688 order id</source>
        <translation>1688订单号</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>第几次</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Refund id</source>
        <translation>退款单号</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>明细行数</translation>
    </message>
    <message>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>{name}: {value}</source>
        <extracomment>Keys whose values say nothing to a seller next to the rest (ids of rows).</extracomment>
        <translation>{name}：{value}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>After-sales</source>
        <translation>售后</translation>
    </message>
    <message>
        <source>Case opened</source>
        <translation>新建售后单</translation>
    </message>
    <message>
        <source>Case imported from the platform&apos;s file</source>
        <translation>从平台文件导入售后单</translation>
    </message>
    <message>
        <source>Case updated from the platform&apos;s file</source>
        <translation>按平台文件更新售后单</translation>
    </message>
    <message>
        <source>Buyer&apos;s request recorded</source>
        <translation>记录买家申请</translation>
    </message>
    <message>
        <source>Buyer&apos;s request agreed</source>
        <translation>同意买家申请</translation>
    </message>
    <message>
        <source>Buyer&apos;s request refused</source>
        <translation>拒绝买家申请</translation>
    </message>
    <message>
        <source>Buyer returned the goods</source>
        <translation>买家已退货</translation>
    </message>
    <message>
        <source>Buyer refunded</source>
        <translation>已退款给买家</translation>
    </message>
    <message>
        <source>Replacement, missing part or repaired item sent to the buyer</source>
        <translation>已给买家寄出换货、补发件或修好的商品</translation>
    </message>
    <message>
        <source>Case closed</source>
        <translation>售后单已关闭</translation>
    </message>
    <message>
        <source>Sent to the supplier on 1688</source>
        <translation>已在1688提交给供应商</translation>
    </message>
    <message>
        <source>Refund asked of the supplier on 1688</source>
        <translation>已在1688向供应商申请退款</translation>
    </message>
    <message>
        <source>Supplier agreed</source>
        <translation>供应商已同意</translation>
    </message>
    <message>
        <source>Goods sent back to the supplier</source>
        <translation>已退货给供应商</translation>
    </message>
    <message>
        <source>Supplier refunded</source>
        <translation>供应商已退款</translation>
    </message>
    <message>
        <source>Supplier refused</source>
        <translation>供应商拒绝</translation>
    </message>
    <message>
        <source>Not done on 1688</source>
        <translation>未在1688完成</translation>
    </message>
    <message>
        <source>Withdrawal sent to 1688</source>
        <translation>已向 1688 发送撤销申请</translation>
    </message>
    <message>
        <source>Refund application withdrawn on 1688</source>
        <translation>已在 1688 撤销退款申请</translation>
    </message>
    <message>
        <source>Contact with the buyer logged</source>
        <translation>记录与买家的联系</translation>
    </message>
    <message>
        <source>Amounts corrected</source>
        <translation>修改金额</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>售后类型</translation>
    </message>
    <message>
        <source>Buyer side</source>
        <translation>买家端</translation>
    </message>
    <message>
        <source>Supplier side</source>
        <translation>供应商端</translation>
    </message>
    <message>
        <source>Tracking no.</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>物流公司</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Asked back</source>
        <translation>申请金额</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>已退买家</translation>
    </message>
    <message>
        <source>Recovered</source>
        <translation>供应商已退</translation>
    </message>
    <message>
        <source>Extra cost</source>
        <translation>额外成本</translation>
    </message>
    <message>
        <source>Faulty goods</source>
        <translation>质量问题</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>申请方式</translation>
    </message>
    <message>
        <source>Goods status</source>
        <translation>货物状态</translation>
    </message>
    <message>
        <source>Platform status</source>
        <translation>平台状态</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>Todo</name>
    <message>
        <source>To order from suppliers</source>
        <extracomment>The cards, in display order. Capabilities add theirs here (one entry each).</extracomment>
        <translation>待向供应商下单</translation>
    </message>
    <message>
        <source>Paid orders with no 1688 order yet</source>
        <translation>买家已付款、尚未在1688下单</translation>
    </message>
    <message>
        <source>{n} near or past ship-by</source>
        <translation>{n} 单临近或超过最晚发货时间</translation>
    </message>
    <message>
        <source>Tracking to send to the shop</source>
        <translation>待回填运单号</translation>
    </message>
    <message>
        <source>Shipped on 1688, not yet shipped on the shop</source>
        <translation>1688已发货，店铺尚未发货</translation>
    </message>
    <message>
        <source>Overdue or due within 24 h</source>
        <translation>已超时或24小时内到期</translation>
    </message>
    <message>
        <source>Unshipped orders past or near their ship-by time</source>
        <translation>超过或临近最晚发货时间的未发货订单</translation>
    </message>
    <message>
        <source>{n} overdue</source>
        <translation>{n} 单已超时</translation>
    </message>
    <message>
        <source>Unmatched 1688 orders</source>
        <translation>未匹配的1688订单</translation>
    </message>
    <message>
        <source>1688 orders that belong to no shop order yet</source>
        <translation>尚未关联店铺订单的1688订单</translation>
    </message>
    <message>
        <source>Awaiting the supplier</source>
        <translation>等待供应商处理</translation>
    </message>
    <message>
        <source>Cancellation and refund requests not yet answered</source>
        <translation>尚未答复的取消和退款申请</translation>
    </message>
    <message>
        <source>Interrupted requests</source>
        <translation>中断的申请</translation>
    </message>
    <message>
        <source>Cancellations whose result is unknown: check them on 1688</source>
        <translation>结果未知的取消申请：请到1688核实</translation>
    </message>
    <message>
        <source>After-sales cases</source>
        <translation>售后单</translation>
    </message>
    <message>
        <source>Open cases, the nearest deadline first</source>
        <translation>处理中的售后单，最先到期的在前</translation>
    </message>
    <message>
        <source>Risky orders</source>
        <translation>风险订单</translation>
    </message>
    <message>
        <source>Flagged by the fraud checks: check the buyer first</source>
        <translation>防骗检查标记的订单：先核实买家</translation>
    </message>
</context>
<context>
    <name>view</name>
    <message>
        <source>The demo could not be started.</source>
        <translation>无法启动演示。</translation>
    </message>
</context>
</TS>
