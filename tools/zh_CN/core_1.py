"""The Simplified Chinese of the app's core texts, part 1 of 4: AccountDialog, BackupsDialog, CancelWizard, CloseReasonEditor, Comparison, ComparisonPanel, Completeness, ConfirmPage, Errors, ExportDialog, FilterBar, ImportDialog."""

TRANSLATIONS: dict[tuple[str, str], str | list[str]] = {
    # ---------------------------------------------------------------- AccountDialog
    ("AccountDialog", "Add Distribution Account"): "添加分销账号",
    ("AccountDialog", "&Name:"): "名称(&N)：",
    ("AccountDialog", "1688 &member id:"): "1688会员ID(&M)：",
    ("AccountDialog", "&Connector:"): "连接方式(&C)：",
    (
        "AccountDialog",
        "The account you buy from suppliers with on 1688 (分销账号). The app keeps only its name "
        "and member id; passwords stay with 1688.",
    ): "您在1688上向供应商采购所用的账号（分销账号）。本软件只保存名称和会员ID，密码只留在1688。",
    # ---------------------------------------------------------------- BackupsDialog
    ("BackupsDialog", "Automatic"): "自动",
    ("BackupsDialog", "Manual"): "手动",
    ("BackupsDialog", "Before an update"): "升级前",
    ("BackupsDialog", "Before a restore"): "恢复前",
    ("BackupsDialog", "{} KB"): "{} KB",
    ("BackupsDialog", "{} MB"): "{} MB",
    ("BackupsDialog", "unreadable"): "无法读取",
    (
        "BackupsDialog",
        "The file that should hold your orders and suppliers is not a Dropship Desktop "
        "database:\n{path}",
    ): "存放订单和供应商的文件不是一件代发助手的数据库：\n{path}",
    (
        "BackupsDialog",
        "Your database is damaged and cannot be used safely:\n{path}",
    ): "数据库已损坏，无法安全使用：\n{path}",
    (
        "BackupsDialog",
        'It will not be changed or deleted: it is moved into the "damaged" folder next to it, '
        "so that it can still be examined or repaired later.",
    ): "该文件不会被修改或删除：它会被移到旁边的“damaged”文件夹中，以便日后检查或修复。",
    (
        "BackupsDialog",
        "The newest good backup is from {date} and holds {orders} orders. Open it to carry on "
        "from there; changes made after it are not in it.",
    ): "最新的完好备份创建于 {date}，包含 {orders} 个订单。打开它即可从那时继续；"
    "之后所做的修改不在其中。",
    (
        "BackupsDialog",
        "There is no good backup. You can start with an empty database, or quit and ask for "
        "help first.",
    ): "没有完好的备份。您可以从空数据库开始，或先退出并寻求帮助。",
    ("BackupsDialog", "Database damaged"): "数据库已损坏",
    ("BackupsDialog", "Open the Backup"): "打开备份",
    ("BackupsDialog", "Start Empty"): "从空数据库开始",
    ("BackupsDialog", "Quit"): "退出",
    ("BackupsDialog", "Backups"): "备份",
    ("BackupsDialog", "Date"): "时间",
    ("BackupsDialog", "Kind"): "类型",
    ("BackupsDialog", "Size"): "大小",
    ("BackupsDialog", "Orders"): "订单数",
    (
        "BackupsDialog",
        "A backup is made automatically when the app starts (once a day) and 30 minutes after "
        "you change something. Every backup is checked before it is kept. Backups are in: "
        "{folder}",
    ): "软件启动时（每天一次）以及修改数据 30 分钟后会自动备份。每个备份在保存前都会经过校验。"
    "备份位置：{folder}",
    ("BackupsDialog", "Back Up Now"): "立即备份",
    ("BackupsDialog", "Back Up to File…"): "备份到文件…",
    ("BackupsDialog", "Restore Selected…"): "恢复所选备份…",
    ("BackupsDialog", "Restore from File…"): "从文件恢复…",
    ("BackupsDialog", "Open Folder"): "打开文件夹",
    ("BackupsDialog", "There are no backups yet."): "暂无备份。",
    ("BackupsDialog", "Back Up to File"): "备份到文件",
    ("BackupsDialog", "Backups (*.db)"): "备份文件 (*.db)",
    ("BackupsDialog", "Making a backup…"): "正在备份…",
    (
        "BackupsDialog",
        "Backup made and checked: {orders} orders, {size}. {path}",
    ): "备份完成并已校验：{orders} 个订单，{size}。{path}",
    ("BackupsDialog", "Restore from File"): "从文件恢复",
    ("BackupsDialog", "Backups (*.db);;All files (*)"): "备份文件 (*.db);;所有文件 (*)",
    ("BackupsDialog", "Restore Backup"): "恢复备份",
    (
        "BackupsDialog",
        "Replace all current data with the backup {backup}?\n\nThe current data is backed up "
        "first, so this can be undone by restoring that backup.",
    ): "用备份 {backup} 替换当前的全部数据吗？\n\n会先备份当前数据，之后恢复该备份即可撤销此操作。",
    ("BackupsDialog", "Restoring the backup…"): "正在恢复备份…",
    ("BackupsDialog", "The backup was restored."): "备份已恢复。",
    ("BackupsDialog", "Something went wrong; see the log file."): "出错了，请查看日志文件。",
    # ---------------------------------------------------------------- CancelWizard
    # The six step titles are the seed's own words (seed 3.2 / 5.1): keep them exactly.
    ("CancelWizard", "Sign in to the Alibaba distribution page"): "登录阿里巴巴分销页面",
    ("CancelWizard", "Open the order management page"): "进入订单管理页面",
    ("CancelWizard", "Select the orders to cancel"): "选择需要取消的订单",
    ("CancelWizard", "Click the cancel-order button"): "点击取消订单按钮",
    ("CancelWizard", "Fill in the cancellation reason"): "填写取消原因",
    ("CancelWizard", "Submit the cancellation request"): "提交取消申请",
    ("CancelWizard", "Choose the distribution account to use."): "请选择要使用的分销账号。",
    (
        "CancelWizard",
        "Sign in on the 1688 page that was opened, then confirm here.",
    ): "请在已打开的1688页面上登录，然后在这里确认。",
    ("CancelWizard", "The account's orders are being loaded."): "正在加载该账号的订单。",
    (
        "CancelWizard",
        "This account has no supplier orders to cancel.",
    ): "该账号没有可取消的1688订单。",
    ("CancelWizard", "Select at least one order to cancel."): "请至少选择一个要取消的订单。",
    (
        "CancelWizard",
        "None of the selected orders can be cancelled here; see each order's note.",
    ): "所选订单都无法在此取消，请查看各订单的说明。",
    ("CancelWizard", "Choose why the unpaid orders are closed."): "请选择关闭未付款订单的原因。",
    (
        "CancelWizard",
        "With the reason “Other”, say in the remark what it is.",
    ): "原因选择“其它”时，请在备注中写明具体原因。",
    (
        "CancelWizard",
        "The remark has {count} characters; at most {max} are allowed.",
    ): "备注有 {count} 个字，最多允许 {max} 个字。",
    ("CancelWizard", "Choose a refund reason."): "请选择退款原因。",
    (
        "CancelWizard",
        "The chosen refund reason is not offered for this order; choose another.",
    ): "该订单不支持所选的退款原因，请另选一个。",
    (
        "CancelWizard",
        "Describe the refund in at least {min} characters.",
    ): "退款说明至少需要 {min} 个字。",
    (
        "CancelWizard",
        "The description has {count} characters; 1688 accepts at most {max}.",
    ): "退款说明有 {count} 个字，1688最多接受 {max} 个字。",
    (
        "CancelWizard",
        "The reason “{reason}” needs evidence: add 1 to {max} images.",
    ): "原因“{reason}”需要上传凭证：请添加 1 至 {max} 张图片。",
    (
        "CancelWizard",
        "At most {max} evidence images can be attached.",
    ): "最多可上传 {max} 张凭证图片。",
    (
        "CancelWizard",
        "The refund reasons of this order are not loaded yet.",
    ): "该订单的退款原因尚未加载。",
    (
        "CancelWizard",
        "Sign in to 1688 in the browser window that opened, then confirm here.",
    ): "请在已打开的浏览器窗口中登录1688，然后在这里确认。",
    (
        "CancelWizard",
        "Open https://login.1688.com/ in your browser, sign in, then confirm here.",
    ): "请在浏览器中打开 https://login.1688.com/ 并登录，然后在这里确认。",
    ("CancelWizard", "Signing in failed."): "登录失败。",
    ("CancelWizard", "You are not signed in to 1688 yet."): "您尚未登录1688。",
    ("CancelWizard", "Sign in to the distribution account."): "请登录分销账号。",
    (
        "CancelWizard",
        "Not done on 1688 (the seller did not confirm it).",
    ): "未在1688上完成（卖家未确认）。",
    (
        "CancelWizard",
        "Nothing was confirmed for this order; do it on 1688 and confirm.",
    ): "该订单尚未确认，请在1688上操作后再确认。",
    (
        "CancelWizard",
        "1688 could not be reached; nothing was sent.",
    ): "无法连接1688，未发送任何请求。",
    ("CancelWizard", "Not done on 1688."): "未在1688上完成。",
    (
        "CancelWizard",
        "The app stopped before this was sent to 1688. Check the order on 1688, then say "
        "whether it was done.",
    ): "软件在发送到1688之前已停止。请在1688上查看该订单，然后告诉我们是否已完成。",
    (
        "CancelWizard",
        "The app stopped while this was being sent to 1688. Check the order on 1688, then say "
        "whether it was done.",
    ): "软件在发送到1688的过程中停止了。请在1688上查看该订单，然后告诉我们是否已完成。",
    (
        "CancelWizard",
        "Stopped before sending: nothing was sent to 1688.",
    ): "已在发送前停止：未向1688发送任何请求。",
    ("CancelWizard", "Enter a name for the account."): "请输入账号名称。",
    ("CancelWizard", "The name is longer than 100 characters."): "名称超过 100 个字符。",
    (
        "CancelWizard",
        "The 1688 member id is longer than 100 characters.",
    ): "1688会员ID超过 100 个字符。",
    (
        "CancelWizard",
        "Choose a connector (manual if unsure).",
    ): "请选择连接方式（不确定时选“手动”）。",
    (
        "CancelWizard",
        "Not cancellable: shipped or received. Use an after-sales return/refund instead.",
    ): "无法取消：已发货或已收货。请改走售后退货/退款。",
    ("CancelWizard", "Already closed on 1688; nothing to do."): "1688上已关闭，无需操作。",
    (
        "CancelWizard",
        "Unknown 1688 status ({status}); check the order on 1688.",
    ): "未知的1688状态（{status}），请在1688上查看该订单。",
    (
        "CancelWizard",
        "Too soon: created less than 10 seconds ago; 1688 accepts the close in {seconds} s "
        "(step 6 waits for it).",
    ): "操作过快：订单创建不足 10 秒，1688将在 {seconds} 秒后接受关闭（第6步会自动等待）。",
    (
        "CancelWizard",
        "The 1688 order id is not known; link or import the 1688 order first.",
    ): "缺少1688订单号，请先关联或导入该1688订单。",
    (
        "CancelWizard",
        "A cancellation or refund for this order is already under way.",
    ): "该订单已有进行中的取消或退款申请。",
    (
        "CancelWizard",
        "The supplier's lead time was longer than the time left to the shop's ship-by deadline. "
        "Choose offers that ship in time, or promise a later dispatch in the listing.",
    ): "供应商的发货时效超过了店铺最晚发货时间前的剩余时间。请选择能按时发货的货源，"
    "或在商品页上承诺更晚的发货时间。",
    (
        "CancelWizard",
        "The product description is incomplete. Clear product information (size, material, "
        "specifications) keeps buyers from cancelling or returning.",
    ): "商品描述不完整。清晰的商品信息（尺寸、材质、规格）可以减少买家取消订单或退货。",
    (
        "CancelWizard",
        "The supplier ran out of stock. Check the offer's stock before listing and keep a second "
        "supplier for products that sell well.",
    ): "供应商缺货。上架前请核实货源库存，畅销商品要准备备用供应商。",
    (
        "CancelWizard",
        "The buyer cancelled. Answer buyers' questions quickly: unanswered questions lead to "
        "cancellations.",
    ): "买家取消了订单。请及时回复买家咨询：问题得不到回复会导致取消订单。",
    (
        "CancelWizard",
        "The supplier order was still unpaid after the buyer had paid. Pay supplier orders "
        "promptly so the supplier ships in time.",
    ): "买家付款后，1688订单仍未付款。请及时支付1688订单，以便供应商按时发货。",
    ("CancelWizard", "the title is short"): "标题过短",
    ("CancelWizard", "no SKU"): "没有SKU",
    ("CancelWizard", "no sale price"): "没有售价",
    ("CancelWizard", "no specifications"): "没有规格",
    ("CancelWizard", "the description is short"): "描述过短",
    ("CancelWizard", "no size, material or colour"): "没有尺寸、材质或颜色",
    ("CancelWizard", "Cancel Orders (取消订单)"): "取消订单",
    ("CancelWizard", "Stop cancelling?"): "停止取消吗？",
    (
        "CancelWizard",
        "Requests already sent to 1688 cannot be undone by closing this window.",
    ): "已发送到1688的请求不会因关闭此窗口而撤销。",
    (
        "CancelWizard",
        "If you stop now, the order being sent finishes; the %n order(s) not sent yet are "
        "recorded as not sent, and you can cancel them again later. An order whose 1688 page is "
        "open without your answer is kept for you to check.",
    ): "如果现在停止，正在发送的订单会继续完成；尚未发送的 %n 个订单会记录为“未发送”，"
    "您以后可以再次取消。已打开1688页面但尚未确认的订单会保留，等待您核实。",
    ("CancelWizard", "&Stop"): "停止(&S)",
    ("CancelWizard", "&Continue"): "继续(&C)",
    ("CancelWizard", "Cancel Orders"): "取消订单",
    # Marked with a literal only once texts.py passes them through QT_TRANSLATE_NOOP.
    ("CancelWizard", "Close the order (unpaid)"): "关闭订单（未付款）",
    ("CancelWizard", "Refund application (paid, not shipped)"): "申请退款（已付款，未发货）",
    ("CancelWizard", "Closed on 1688"): "已在1688关闭",
    ("CancelWizard", "Refund requested: waiting for the supplier"): "已申请退款：等待供应商处理",
    ("CancelWizard", "Skipped: {}"): "已跳过：{}",
    ("CancelWizard", "Interrupted: {}"): "已中断：{}",
    ("CancelWizard", "Failed: {}"): "失败：{}",
    ("CancelWizard", "{order}: {text}"): "{order}：{text}",
    (
        "CancelWizard",
        "Manual: you act on 1688 in the browser and confirm here",
    ): "手动：在浏览器中操作1688，然后在这里确认",
    (
        "CancelWizard",
        "Test connector: a simulated 1688 (no real orders change)",
    ): "测试连接：模拟的1688（不会改动真实订单）",
    # ---------------------------------------------------------------- CloseReasonEditor
    ("CloseReasonEditor", "Choose a reason…"): "请选择原因…",
    ("CloseReasonEditor", "&Reason:"): "原因(&R)：",
    ("CloseReasonEditor", "Re&mark:"): "备注(&M)：",
    # ---------------------------------------------------------------- Comparison
    ("Comparison", "Cost / margin"): "成本 / 毛利",
    ("Comparison", "Lead time"): "发货时效",
    ("Comparison", "Supplier trust"): "供应商信誉",
    ("Comparison", "Supply stability"): "供货稳定性",
    ("Comparison", "Counterfeit safety"): "正品保障",
    ("Comparison", "Yes"): "是",
    ("Comparison", "No: no one-piece dropship"): "否：不支持一件代发",
    ("Comparison", "No: MOQ above 1, no dropship"): "否：起批量大于 1，不支持代发",
    ("Comparison", "No: out of stock"): "否：缺货",
    ("Comparison", "Rank"): "排名",
    ("Comparison", "Supplier"): "供应商",
    ("Comparison", "Preferred"): "首选",
    ("Comparison", "One piece"): "一件代发",
    ("Comparison", "Score"): "得分",
    ("Comparison", "Landed cost"): "综合成本",
    ("Comparison", "Profit"): "利润",
    ("Comparison", "Margin"): "毛利率",
    ("Comparison", "Lead days"): "发货天数",
    ("Comparison", "MOQ"): "起批量",
    ("Comparison", "Kind"): "类型",
    # ---------------------------------------------------------------- ComparisonPanel
    ("ComparisonPanel", "Offer comparison"): "货源比价",
    ("ComparisonPanel", "Weights"): "权重",
    ("ComparisonPanel", "Reset"): "重置",
    (
        "ComparisonPanel",
        "Back to the default weights 30/20/20/15/15.",
    ): "恢复默认权重 30/20/20/15/15。",
    (
        "ComparisonPanel",
        "Points = weight ÷ total weight × factor score (0–1, 1 = best here) × 100. Offers that "
        "cannot ship one piece are ranked last, not hidden.",
    ): "得分 = 权重 ÷ 权重总和 × 单项得分（0–1，1 = 本组最佳）× 100。"
    "不能一件代发的报价排在最后，不会隐藏。",
    ("ComparisonPanel", "At least one weight must be above 0."): "至少要有一项权重大于 0。",
    (
        "ComparisonPanel",
        "Select a product to compare its offers.",
    ): "选择一个商品以比较其货源报价。",
    ("ComparisonPanel", "“{}” has no offers yet."): "“{}”还没有货源报价。",
    (
        "ComparisonPanel",
        "Comparing {} offers for “{}”. Set a sale price to see margins.",
    ): "正在比较“{1}”的 {0} 个报价。设置售价后可查看毛利率。",
    (
        "ComparisonPanel",
        "Comparing {} offers for “{}” at a sale price of {}.",
    ): "正在以售价 {2} 比较“{1}”的 {0} 个报价。",
    # ---------------------------------------------------------------- Completeness
    (
        "Completeness",
        "The title is missing or shorter than {} characters.",
    ): "缺少标题，或标题少于 {} 个字。",
    ("Completeness", "No SKU is set."): "未设置SKU。",
    ("Completeness", "No sale price is set."): "未设置售价。",
    ("Completeness", "No specifications (规格) are listed."): "未填写规格。",
    (
        "Completeness",
        "The description is missing or shorter than {} characters.",
    ): "缺少描述，或描述少于 {} 个字。",
    (
        "Completeness",
        "Neither the specifications nor the description mention size, material or colour.",
    ): "规格和描述中都没有提到尺寸、材质或颜色。",
    # ---------------------------------------------------------------- ConfirmPage
    ("ConfirmPage", "What cancelling costs (seed 5.2)"): "取消订单的代价",
    ("ConfirmPage", "How to avoid this next time (seed 5.3)"): "下次如何避免",
    (
        "ConfirmPage",
        "Nothing has been sent yet. Back and Cancel change nothing.",
    ): "尚未发送任何请求。点击“上一步”或“取消”不会有任何改动。",
    ("ConfirmPage", "1688 order id"): "1688订单号",
    ("ConfirmPage", "Shop order no."): "店铺订单号",
    ("ConfirmPage", "Product"): "商品",
    ("ConfirmPage", "Action"): "操作",
    ("ConfirmPage", "Amount"): "金额",
    ("ConfirmPage", "Note"): "说明",
    ("ConfirmPage", "None"): "无",
    ("ConfirmPage", "Not sent"): "不发送",
    (
        "ConfirmPage",
        "The supplier must agree; the full paid amount is asked back.",
    ): "需供应商同意；申请退回全部实付金额。",
    ("ConfirmPage", "Closed at once; nothing was paid."): "立即关闭；未付过款。",
    ("ConfirmPage", "Close %n unpaid order(s): {amount}"): "关闭 %n 个未付款订单：{amount}",
    (
        "ConfirmPage",
        "Apply for the refund of %n paid order(s): {amount} asked back",
    ): "为 %n 个已付款订单申请退款：申请退回 {amount}",
    (
        "ConfirmPage",
        "Sales lost: {sales} · profit lost: {profit}",
    ): "损失销售额：{sales} · 损失利润：{profit}",
    (
        "ConfirmPage",
        "{shop}: 30-day cancellation rate {before} → <b>{after}</b> ({cb}/{ob} → {ca}/{oa} orders)",
    ): "{shop}：30 天取消率 {before} → <b>{after}</b>（{cb}/{ob} → {ca}/{oa} 个订单）",
    (
        "ConfirmPage",
        "The shop's credit rating (信用评价) goes down with every cancellation.",
    ): "每取消一单，店铺的信用评价都会下降。",
    (
        "ConfirmPage",
        "Shop traffic (店铺流量) drops: the platform shows the shop's products less.",
    ): "店铺流量下降：平台会减少店铺商品的曝光。",
    ("ConfirmPage", "No particular advice for these orders."): "这些订单没有特别的建议。",
    ("ConfirmPage", "%n order(s)"): "%n 个订单",
    # ---------------------------------------------------------------- Errors
    ("Errors", "Dropship Desktop"): "一件代发助手",
    ("Errors", "Unexpected error"): "意外错误",
    ("Errors", "(no log)"): "（无日志）",
    (
        "Errors",
        "Something went wrong inside Dropship Desktop. Your data is safe; the last action may "
        "not have been completed.\n\nDetails were written to the log file:\n{}",
    ): "一件代发助手内部出错。您的数据是安全的，但最后一次操作可能没有完成。\n\n"
    "详细信息已写入日志文件：\n{}",
    (
        "Errors",
        "Choose 1688 platform supplier or channel distributor.",
    ): "请选择1688平台供应商或渠道商。",
    ("Errors", "Enter the supplier's name."): "请输入供应商名称。",
    ("Errors", "The name is longer than 200 characters."): "名称超过 200 个字符。",
    ("Errors", "Years on 1688 must be between 0 and 50."): "1688经营年限必须在 0 到 50 之间。",
    ("Errors", "The rating must be between 0 and 5."): "评分必须在 0 到 5 之间。",
    (
        "Errors",
        "The on-time rate must be between 0% and 100%.",
    ): "准时发货率必须在 0% 到 100% 之间。",
    ("Errors", "Incidents cannot be negative."): "问题次数不能为负数。",
    (
        "Errors",
        "The shop URL must start with http:// or https://.",
    ): "店铺网址必须以 http:// 或 https:// 开头。",
    ("Errors", "The supplier has invalid fields."): "供应商信息有误。",
    (
        "Errors",
        "This supplier no longer exists; it may have been deleted.",
    ): "该供应商已不存在，可能已被删除。",
    (
        "Errors",
        "“{name}” cannot be deleted: {offers} offer(s) and {orders} supplier order(s) use it. "
        "Delete or move its offers first; suppliers with orders are kept for the order history.",
    ): "无法删除“{name}”：有 {offers} 个报价和 {orders} 个1688订单在使用它。"
    "请先删除或转移其报价；有订单的供应商会保留，以备查看订单历史。",
    # ---------------------------------------------------------------- ExportDialog
    ("ExportDialog", "Export orders"): "导出订单",
    ("ExportDialog", "Orders"): "订单",
    ("ExportDialog", "All orders in the current list"): "当前列表中的全部订单",
    ("ExportDialog", "Selected orders (%n)"): "所选订单（%n 个）",
    ("ExportDialog", "File format"): "文件格式",
    ("ExportDialog", "Excel workbook (.xlsx)"): "Excel 工作簿 (.xlsx)",
    ("ExportDialog", "CSV, UTF-8 (.csv)"): "CSV，UTF-8 (.csv)",
    (
        "ExportDialog",
        "Include full buyer names, phone numbers and addresses",
    ): "包含买家完整的姓名、电话和地址",
    ("ExportDialog", "Export…"): "导出…",
    (
        "ExportDialog",
        "The file will hold buyers' personal data. This export is recorded in the operation log. "
        "Keep the file safe and delete it when no longer needed.",
    ): "导出的文件将包含买家个人信息，本次导出会记入操作记录。请妥善保管该文件，不再需要时及时删除。",
    (
        "ExportDialog",
        "Names, phone numbers and addresses are masked (张*, 138****5678).",
    ): "姓名、电话和地址将打码显示（张*，138****5678）。",
    ("ExportDialog", "orders"): "订单",
    ("ExportDialog", "CSV files (*.csv)"): "CSV 文件 (*.csv)",
    ("ExportDialog", "Excel workbooks (*.xlsx)"): "Excel 工作簿 (*.xlsx)",
    ("ExportDialog", "Exporting…"): "正在导出…",
    ("ExportDialog", "Exported %n order(s) to {}."): "已将 %n 个订单导出到 {}。",
    ("ExportDialog", "Close"): "关闭",
    ("ExportDialog", "Cancelled. No file was written."): "已取消，未写入任何文件。",
    ("ExportDialog", "Cancelling…"): "正在取消…",
    # ---------------------------------------------------------------- FilterBar
    ("FilterBar", "Filter…"): "筛选…",
    ("FilterBar", "Filter"): "筛选",
    ("FilterBar", "Filter column"): "筛选列",
    ("FilterBar", "All columns"): "所有列",
    # ---------------------------------------------------------------- ImportDialog
    ("ImportDialog", "Detect automatically"): "自动识别",
    ("ImportDialog", "Taobao / Tmall (已卖出的宝贝)"): "淘宝 / 天猫（已卖出的宝贝）",
    ("ImportDialog", "Pinduoduo"): "拼多多",
    ("ImportDialog", "Douyin shop"): "抖店",
    ("ImportDialog", "1688 purchase orders"): "1688采购单",
    ("ImportDialog", "My own column mapping"): "自定义列对应",
    ("ImportDialog", "Checking against the orders already here…"): "正在与已有订单比对…",
    ("ImportDialog", "Writing orders…"): "正在写入订单…",
    ("ImportDialog", "Updating the search index…"): "正在更新搜索索引…",
    ("ImportDialog", "Import orders"): "导入订单",
    ("ImportDialog", "Map columns…"): "对应列…",
    ("ImportDialog", "Choose the shop these orders belong to"): "请选择这些订单所属的店铺",
    ("ImportDialog", "Name of the new shop"): "新店铺的名称",
    ("ImportDialog", "File:"): "文件：",
    ("ImportDialog", "Format:"): "格式：",
    ("ImportDialog", "Shop:"): "店铺：",
    ("ImportDialog", "Row"): "行",
    ("ImportDialog", "Order no."): "订单号",
    ("ImportDialog", "Status"): "状态",
    ("ImportDialog", "Recipient"): "收货人",
    ("ImportDialog", "Phone"): "电话",
    ("ImportDialog", "Products"): "商品",
    ("ImportDialog", "Qty"): "数量",
    ("ImportDialog", "Amount"): "金额",
    ("ImportDialog", "Created"): "下单时间",
    ("ImportDialog", "Column"): "列",
    ("ImportDialog", "Problem"): "问题",
    ("ImportDialog", "Preview"): "预览",
    ("ImportDialog", "Problems"): "问题",
    ("ImportDialog", "Import"): "导入",
    ("ImportDialog", "Reading the file…"): "正在读取文件…",
    ("ImportDialog", "Problems ({})"): "问题（{}）",
    ("ImportDialog", "shop orders"): "店铺订单",
    (
        "ImportDialog",
        "Rows: {rows} · Orders: {orders} · Lines: {lines} ({kind}).",
    ): "行数：{rows} · 订单：{orders} · 商品行：{lines}（{kind}）。",
    (
        "ImportDialog",
        "{n}{more} problem(s) must be corrected in the file before it can be imported; nothing "
        "will be imported until then.",
    ): "有 {n}{more} 个问题需要先在文件中改正才能导入；改正之前不会导入任何数据。",
    (
        "ImportDialog",
        "Each is matched to its sales order by 1688 order number, else by recipient and product; "
        "the rest wait for a match in the order list.",
    ): "每个1688订单先按1688订单号匹配店铺订单，其次按收货人和商品匹配；"
    "未匹配的会在订单列表中等待关联。",
    (
        "ImportDialog",
        "Orders already here are updated (status, logistics), not duplicated.",
    ): "已有的订单只会更新（状态、物流），不会重复导入。",
    ("ImportDialog", "New shop…"): "新建店铺…",
    ("ImportDialog", "Starting…"): "正在开始…",
    (
        "ImportDialog",
        "Imported: {created} new 1688 orders ({matched} matched to sales orders, {unmatched} "
        "awaiting a match), {updated} updated, {unchanged} unchanged.",
    ): "导入完成：新增 {created} 个1688订单（{matched} 个已匹配店铺订单，{unmatched} 个待关联），"
    "更新 {updated} 个，{unchanged} 个无变化。",
    (
        "ImportDialog",
        "Imported: {created} new orders, {updated} updated, {unchanged} unchanged.",
    ): "导入完成：新增 {created} 个订单，更新 {updated} 个，{unchanged} 个无变化。",
    ("ImportDialog", "Close"): "关闭",
    ("ImportDialog", "Cancelled. Nothing was imported."): "已取消，未导入任何数据。",
    ("ImportDialog", "Cancelling…"): "正在取消…",
    ("ImportDialog", "SKU"): "SKU",
    ("ImportDialog", "Title"): "标题",
    ("ImportDialog", "Supplier"): "供应商",
    ("ImportDialog", "Unit cost"): "单价成本",
    ("ImportDialog", "Will do"): "将执行",
    ("ImportDialog", "Import products and offers"): "导入商品和报价",
    ("ImportDialog", "Checking {}…"): "正在检查 {}…",
    ("ImportDialog", "{}: no data rows."): "{}：没有数据行。",
    (
        "ImportDialog",
        "{}: {} rows, no problems. Import writes them all at once.",
    ): "{}：{} 行，没有问题。导入时会一次性全部写入。",
    (
        "ImportDialog",
        "{}: {} of {} rows have problems (see the Problems column). Nothing will be imported "
        "until the file is corrected.",
    ): "{}：{} 行（共 {} 行）有问题（见“问题”列）。文件改正之前不会导入任何数据。",
    ("ImportDialog", "Columns not used: {}"): "未使用的列：{}",
    ("ImportDialog", "Nothing was imported."): "未导入任何数据。",
    (
        "ImportDialog",
        "{}\nUse “Map columns…” to say which column holds what.",
    ): "{}\n请用“对应列…”指定每一列的内容。",
    (
        "ImportDialog",
        "Order exports (*.csv *.xlsx *.xls);;All files (*)",
    ): "订单导出文件 (*.csv *.xlsx *.xls);;所有文件 (*)",
}
