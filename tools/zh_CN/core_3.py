"""The Simplified Chinese of the app's core texts, part 3 of 4: SignInPage, SourcingView, Status, StepPage, SubmitPage, SupplierDialog, Errors."""

TRANSLATIONS: dict[tuple[str, str], str | list[str]] = {
    # ---------------------------------------------------------------- SignInPage
    ("SignInPage", "A&dd account…"): "添加账号(&D)…",
    ("SignInPage", "&Sign in"): "登录(&S)",
    ("SignInPage", "I have &signed in on 1688"): "我已在1688上登录(&S)",
    ("SignInPage", "&Open the sign-in page again"): "重新打开登录页面(&O)",
    ("SignInPage", "Distribution &account:"): "分销账号(&A)：",
    (
        "SignInPage",
        "Choose the 1688 account the supplier orders were placed with, then sign in. Nothing is "
        "sent to 1688 before the last step.",
    ): "请选择下1688订单时使用的账号，然后登录。最后一步之前不会向1688发送任何请求。",
    (
        "SignInPage",
        "No distribution account yet: add the one you buy with on 1688.",
    ): "还没有分销账号：请添加您在1688上采购所用的账号。",
    (
        "SignInPage",
        "1688 member id: {member} · Connector: {connector}",
    ): "1688会员ID：{member} · 连接方式：{connector}",
    ("SignInPage", "Signing in…"): "正在登录…",
    ("SignInPage", "Signed in as {}."): "已登录：{}。",
    ("SignInPage", "Signed in."): "已登录。",
    ("SignInPage", "Signed in (confirmed by you)."): "已登录（由您确认）。",
    # ---------------------------------------------------------------- SourcingView
    ("SourcingView", "Name"): "名称",
    ("SourcingView", "Kind"): "类型",
    ("SourcingView", "1688 member id"): "1688会员ID",
    ("SourcingView", "Location"): "所在地",
    ("SourcingView", "Contact"): "联系方式",
    ("SourcingView", "Years on 1688"): "1688年限",
    ("SourcingView", "Rating"): "评分",
    ("SourcingView", "On-time rate"): "准时发货率",
    ("SourcingView", "Incidents"): "问题次数",
    ("SourcingView", "Offers"): "报价",
    ("SourcingView", "Notes"): "备注",
    ("SourcingView", "Title"): "标题",
    ("SourcingView", "SKU"): "SKU",
    ("SourcingView", "Sale price"): "售价",
    ("SourcingView", "Listing complete"): "信息完整度",
    ("SourcingView", "Supplier"): "供应商",
    ("SourcingView", "Unit cost"): "单价成本",
    ("SourcingView", "Price tiers"): "阶梯价",
    ("SourcingView", "MOQ"): "起批量",
    ("SourcingView", "Lead time (days)"): "发货时效（天）",
    ("SourcingView", "Dropship"): "一件代发",
    ("SourcingView", "Dropship fee"): "代发费",
    ("SourcingView", "Fulfilment"): "代发方式",
    ("SourcingView", "Shipping"): "运费",
    ("SourcingView", "Stock"): "库存",
    ("SourcingView", "1688 offer"): "1688商品",
    ("SourcingView", "Last checked"): "最近核实",
    ("SourcingView", "Preferred"): "首选",
    ("SourcingView", "New supplier…"): "新建供应商…",
    ("SourcingView", "Edit…"): "编辑…",
    ("SourcingView", "Delete"): "删除",
    ("SourcingView", "Export…"): "导出…",
    (
        "SourcingView",
        "1688 platform suppliers: stable supply, assured quality, trusted; pricier, slower, "
        "higher minimums. Channel distributors: cheaper, faster, small minimums; unstable supply, "
        "counterfeit risk, less trustworthy.",
    ): "1688平台供应商：货源稳定、质量有保障、可信度高，但价格偏高、发货较慢、起批量较高。"
    "渠道商：价格低、发货快、起批量小，但货源不稳定、有假货风险、可信度较低。",
    ("SourcingView", "New product…"): "新建商品…",
    ("SourcingView", "Import…"): "导入…",
    ("SourcingView", "Products"): "商品",
    ("SourcingView", "New offer…"): "新建报价…",
    ("SourcingView", "Comparison"): "比价",
    ("SourcingView", "Sourcing"): "货源",
    ("SourcingView", "Suppliers"): "供应商",
    ("SourcingView", "Products and offers"): "商品与报价",
    ("SourcingView", "Offers for “{}”"): "“{}”的货源报价",
    ("SourcingView", "Listing {}% complete. To improve:"): "商品信息完整度 {}%。待完善：",
    ("SourcingView", "Listing complete."): "商品信息完整。",
    ("SourcingView", "Clear the preferred offer"): "取消首选报价",
    (
        "SourcingView",
        "Use this offer when supplier orders are created for the product",
    ): "为该商品下1688订单时使用此报价",
    ("SourcingView", "Delete the supplier “{}”?"): "删除供应商“{}”吗？",
    (
        "SourcingView",
        "Delete the product “{}” and its {} offer(s)?",
    ): "删除商品“{}”及其 {} 个报价吗？",
    ("SourcingView", "Delete the offer of “{}” at {}?"): "删除“{}”的报价（{}）吗？",
    ("SourcingView", "Import products and offers"): "导入商品和报价",
    (
        "SourcingView",
        "Spreadsheets (*.csv *.xlsx *.xls);;All files (*)",
    ): "表格文件 (*.csv *.xlsx *.xls);;所有文件 (*)",
    (
        "SourcingView",
        "Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)",
    ): "Excel 工作簿 (*.xlsx);;CSV，UTF-8 (*.csv)",
    ("SourcingView", "Export suppliers"): "导出供应商",
    ("SourcingView", "suppliers"): "供应商",
    ("SourcingView", "Export offers"): "导出报价",
    ("SourcingView", "offers"): "报价",
    ("SourcingView", "Exported {} rows to {}."): "已将 {} 行导出到 {}。",
    ("SourcingView", "Yes"): "是",
    ("SourcingView", "No"): "否",
    ("SourcingView", "Unknown"): "未知",
    ("SourcingView", "0 (out of stock)"): "0（缺货）",
    # ---------------------------------------------------------------- Status
    ("Status", "Unknown ({})"): "未知（{}）",
    # ---------------------------------------------------------------- StepPage
    ("StepPage", "Step {n} of 6 · {name}"): "第 {n} 步（共 6 步）· {name}",
    # ---------------------------------------------------------------- SubmitPage
    ("SubmitPage", "&Submit the cancellation requests"): "提交取消申请(&S)",
    ("SubmitPage", "%v of %m orders"): "%v / %m 个订单",
    ("SubmitPage", "&Retry failed"): "重试失败的订单(&R)",
    ("SubmitPage", "&Open the order page again"): "重新打开订单页面(&O)",
    ("SubmitPage", "&Not done"): "未完成(&N)",
    ("SubmitPage", "Refund no. or what 1688 said (optional)"): "退款单号或1688的提示（可选）",
    ("SubmitPage", "1688 order id"): "1688订单号",
    ("SubmitPage", "Shop order no."): "店铺订单号",
    ("SubmitPage", "Action"): "操作",
    ("SubmitPage", "Amount"): "金额",
    ("SubmitPage", "Outcome"): "结果",
    (
        "SubmitPage",
        "Ready to send {closes} close request(s) and {refunds} refund application(s); {skipped} "
        "order(s) will be skipped. Each request is recorded before it is sent.",
    ): "准备发送 {closes} 个关闭请求和 {refunds} 个退款申请；将跳过 {skipped} 个订单。"
    "每个请求在发送前都会先记录下来。",
    (
        "SubmitPage",
        "For each order the 1688 page opens in your browser: do it there, then say here whether "
        "it was done.",
    ): "每个订单的1688页面会在浏览器中打开：请在那里操作，然后在这里告知是否已完成。",
    ("SubmitPage", "Not sent yet"): "尚未发送",
    ("SubmitPage", "Will be skipped"): "将跳过",
    ("SubmitPage", "None"): "无",
    ("SubmitPage", "Recording the requests…"): "正在记录请求…",
    (
        "SubmitPage",
        "The requests could not be recorded; nothing was sent.",
    ): "无法记录请求，未发送任何内容。",
    ("SubmitPage", "Not sent"): "未发送",
    ("SubmitPage", "Sending…"): "正在发送…",
    ("SubmitPage", "Sending {n} of {total}…"): "正在发送第 {n} 个，共 {total} 个…",
    ("SubmitPage", "Retrying…"): "正在重试…",
    ("SubmitPage", "Waiting %n s, then sent"): "等待 %n 秒后发送",
    (
        "SubmitPage",
        "Waiting: 1688 refuses to close an order in its first 10 seconds; the %n waiting "
        "order(s) are sent automatically.",
    ): "等待中：订单创建后 10 秒内1688不允许关闭；等待中的 %n 个订单到时会自动发送。",
    (
        "SubmitPage",
        "Unknown: an unexpected error stopped the sending; check on 1688.",
    ): "未知：发送因意外错误而中止，请在1688上核实。",
    (
        "SubmitPage",
        "Done: {closed} closed, {refunds} refund(s) requested, {failed} failed, {skipped} skipped, "
        "{interrupted} to check on 1688.",
    ): "完成：已关闭 {closed} 个，已申请退款 {refunds} 个，失败 {failed} 个，跳过 {skipped} 个，"
    "{interrupted} 个需在1688上核实。",
    (
        "SubmitPage",
        "1688 order {order}: close it on 1688 (取消订单) with the reason “{reason}” and the "
        "remark “{remark}”.",
    ): "1688订单 {order}：请在1688上取消订单，原因选“{reason}”，备注填“{remark}”。",
    ("SubmitPage", "&Closed on 1688"): "1688上已关闭(&C)",
    (
        "SubmitPage",
        "1688 order {order}: apply for a refund of {amount} on 1688 (申请退款) with the reason "
        "“{reason}” and the description “{remark}”.",
    ): "1688订单 {order}：请在1688上申请退款 {amount}，原因选“{reason}”，退款说明填“{remark}”。",
    ("SubmitPage", "&Refund applied for on 1688"): "1688上已申请退款(&R)",
    ("SubmitPage", "Open this address in your browser: {}"): "请在浏览器中打开此地址：{}",
    ("SubmitPage", "Waiting for your answer"): "等待您确认",
    ("SubmitPage", "Saving…"): "正在保存…",
    # ---------------------------------------------------------------- SupplierDialog
    ("SupplierDialog", "Edit supplier"): "编辑供应商",
    ("SupplierDialog", "New supplier"): "新建供应商",
    (
        "SupplierDialog",
        "1688 platform suppliers: stable supply, assured quality, trusted — but pricier and "
        "slower.\nChannel distributors: cheaper, faster, small minimums — but unstable supply and "
        "counterfeit risk.",
    ): "1688平台供应商：货源稳定、质量有保障、可信度高，但价格偏高、发货较慢。\n"
    "渠道商：价格低、发货快、起批量小，但货源不稳定、有假货风险。",
    ("SupplierDialog", " years"): " 年",
    ("SupplierDialog", "Unknown"): "未知",
    (
        "SupplierDialog",
        "Counterfeit or quality problems you have recorded.",
    ): "您记录的假货或质量问题次数。",
    ("SupplierDialog", "Kind"): "类型",
    ("SupplierDialog", "Name"): "名称",
    ("SupplierDialog", "1688 member id"): "1688会员ID",
    ("SupplierDialog", "Shop URL"): "店铺网址",
    ("SupplierDialog", "Location"): "所在地",
    ("SupplierDialog", "Contact"): "联系方式",
    ("SupplierDialog", "Years on 1688"): "1688经营年限",
    ("SupplierDialog", "Rating (0–5)"): "评分（0–5）",
    ("SupplierDialog", "On-time shipping"): "准时发货率",
    ("SupplierDialog", "Counterfeit/quality incidents"): "假货/质量问题",
    ("SupplierDialog", "Notes"): "备注",
    ("SupplierDialog", "Enter the supplier's name."): "请输入供应商名称。",
    ("SupplierDialog", "The name is longer than 200 characters."): "名称超过 200 个字符。",
    (
        "SupplierDialog",
        "The shop URL must start with http:// or https://.",
    ): "店铺网址必须以 http:// 或 https:// 开头。",
    # ---------------------------------------------------------------- Errors (services, files)
    (
        "Errors",
        "This product no longer exists; it may have been deleted.",
    ): "该商品已不存在，可能已被删除。",
    (
        "Errors",
        "This offer no longer exists; it may have been deleted.",
    ): "该报价已不存在，可能已被删除。",
    (
        "Errors",
        "An offer cannot be moved to another product; create a new offer instead.",
    ): "报价不能移到其他商品下；请改为新建一个报价。",
    ("Errors", "“{text}” is not yes/no (是/否)."): "“{text}”不是“是/否”。",
    (
        "Errors",
        "Row {row}: {problem} Nothing was imported.",
    ): "第 {row} 行：{problem} 未导入任何数据。",
    ("Errors", "The sale price must be at least ¥0.00."): "售价不能低于 ¥0.00。",
    (
        "Errors",
        "The sale price is too large (at most ¥10,000,000.00).",
    ): "售价过大（最多 ¥10,000,000.00）。",
    ("Errors", "The unit cost must be more than ¥0.00."): "单价成本必须大于 ¥0.00。",
    (
        "Errors",
        "The unit cost is too large (at most ¥10,000,000.00).",
    ): "单价成本过大（最多 ¥10,000,000.00）。",
    ("Errors", "The dropship fee must be at least ¥0.00."): "代发费不能低于 ¥0.00。",
    (
        "Errors",
        "The dropship fee is too large (at most ¥10,000,000.00).",
    ): "代发费过大（最多 ¥10,000,000.00）。",
    ("Errors", "The shipping cost must be at least ¥0.00."): "运费不能低于 ¥0.00。",
    (
        "Errors",
        "The shipping cost is too large (at most ¥10,000,000.00).",
    ): "运费过大（最多 ¥10,000,000.00）。",
    ("Errors", "The title is longer than 300 characters."): "标题超过 300 个字符。",
    ("Errors", "The SKU is longer than 100 characters."): "SKU超过 100 个字符。",
    ("Errors", "Choose the supplier."): "请选择供应商。",
    (
        "Errors",
        "A tier price is too large (at most ¥10,000,000.00).",
    ): "阶梯价中有价格过大（最多 ¥10,000,000.00）。",
    (
        "Errors",
        "The minimum order quantity must be between 1 and 1,000,000.",
    ): "起批量必须在 1 到 1,000,000 之间。",
    (
        "Errors",
        "The lead time must be between 0 and 365 days.",
    ): "发货时效必须在 0 到 365 天之间。",
    (
        "Errors",
        "Choose platform dropship or third-party dropship.",
    ): "请选择平台代发或第三方代发。",
    (
        "Errors",
        "Stock must be 0 or more (leave it empty when unknown).",
    ): "库存不能小于 0（未知时请留空）。",
    (
        "Errors",
        "The 1688 offer id or URL is longer than 500 characters.",
    ): "1688商品ID或链接超过 500 个字符。",
    (
        "Errors",
        "The URL must start with http:// or https://.",
    ): "链接必须以 http:// 或 https:// 开头。",
    ("Errors", "The date must look like 2026-10-31."): "日期格式应为 2026-10-31。",
    ("Errors", "Another product already uses the SKU “{sku}”."): "SKU“{sku}”已被其他商品使用。",
    ("Errors", "The product has invalid fields."): "商品信息有误。",
    (
        "Errors",
        "This supplier no longer exists; choose another.",
    ): "该供应商已不存在，请另选一个。",
    ("Errors", "The offer has invalid fields."): "报价信息有误。",
    (
        "Errors",
        "“{title}” cannot be deleted: {lines} sales order line(s) and {orders} supplier order(s) "
        "refer to it. Products with orders are kept for the order history.",
    ): "无法删除“{title}”：有 {lines} 个店铺订单商品行和 {orders} 个1688订单引用了它。"
    "有订单的商品会保留，以备查看订单历史。",
    (
        "Errors",
        "This offer cannot be deleted: {orders} supplier order(s) were placed through it. Set its "
        "stock to 0 instead, so it is no longer chosen.",
    ): "无法删除该报价：已通过它下了 {orders} 个1688订单。可将其库存设为 0，这样就不会再被选用。",
    (
        "Errors",
        "This offer no longer belongs to the product; refresh and try again.",
    ): "该报价已不属于此商品，请刷新后重试。",
    (
        "Errors",
        "“{part}” is not quantity:price, e.g. 10:9.50.",
    ): "“{part}”不是“数量:单价”格式，如 10:9.50。",
    (
        "Errors",
        "“{part}”: the price must be an amount with at most two decimals.",
    ): "“{part}”：价格必须是最多两位小数的金额。",
    ("Errors", "Required: enter an amount such as 12.50."): "必填：请输入金额，如 12.50。",
    (
        "Errors",
        "“{text}” is not an amount with at most two decimals (e.g. 12.50).",
    ): "“{text}”不是最多两位小数的金额（如 12.50）。",
    ("Errors", "“{text}” is not a whole number of 0 or more."): "“{text}”不是大于等于 0 的整数。",
    ("Errors", "Required: the SKU identifies the product."): "必填：SKU 用于识别商品。",
    (
        "Errors",
        "Required when the row has offer columns: the supplier's name.",
    ): "该行填写了报价列时必填：供应商名称。",
    (
        "Errors",
        "“{text}” is not a supplier kind: use 1688 platform (平台) or channel (渠道商).",
    ): "“{text}”不是有效的供应商类型：请填写“平台”或“渠道商”。",
    (
        "Errors",
        "“{text}” is not a fulfilment: use 平台代发 or 第三方代发.",
    ): "“{text}”不是有效的代发方式：请填写“平台代发”或“第三方代发”。",
    (
        "Errors",
        "“{text}” is not a date like 2026-10-31.",
    ): "“{text}”不是有效日期，格式应为 2026-10-31。",
    (
        "Errors",
        "The file has no SKU column (商家编码). The first row must hold column names such as SKU, "
        "Title, Sale price, Supplier, Unit cost; export the offer list to get a template.",
    ): "文件中没有SKU列（商家编码）。第一行必须是列名，如 SKU、标题、售价、供应商、单价成本；"
    "可先导出报价列表作为模板。",
    (
        "Errors",
        "Required for a new product: the first row of a SKU needs a title.",
    ): "新商品必填：每个SKU的第一行需要填写标题。",
    (
        "Errors",
        "Same SKU, supplier and 1688 offer as row {row}: keep one of the two rows.",
    ): "与第 {row} 行的SKU、供应商和1688商品相同：请只保留其中一行。",
    (
        "Errors",
        "No supplier is named “{name}”: add it under Suppliers first, or fill the Supplier kind "
        "column to create it.",
    ): "没有名为“{name}”的供应商：请先在“供应商”中添加，或填写“供应商类型”列以自动创建。",
    (
        "Errors",
        "Row {row} already makes another offer of this SKU the preferred one.",
    ): "第 {row} 行已将该SKU的另一个报价设为首选。",
    (
        "Errors",
        "The file has no data rows; nothing was imported.",
    ): "文件中没有数据行，未导入任何数据。",
    (
        "Errors",
        "{count} row(s) have errors; nothing was imported. Correct the file and import it again.",
    ): "有 {count} 行存在错误，未导入任何数据。请改正文件后重新导入。",
    ("Errors", "No supplier is named “{name}”."): "没有名为“{name}”的供应商。",
    (
        "Errors",
        "Cannot write {name}: {reason}. Close the file if it is open in Excel or WPS, or choose "
        "another folder.",
    ): "无法写入 {name}：{reason}。如果该文件已在 Excel 或 WPS 中打开，请先关闭，或选择其他文件夹。",
    (
        "Errors",
        "Choose a file name ending in .xlsx or .csv.",
    ): "请选择以 .xlsx 或 .csv 结尾的文件名。",
    (
        "Errors",
        "Export the file from the platform again, or open it in Excel and save it as .xlsx.",
    ): "请从平台重新导出文件，或用 Excel 打开后另存为 .xlsx。",
    (
        "Errors",
        "The workbook is too large once unpacked (a 'zip bomb'?) and was not opened. Export the "
        "file from the platform again.",
    ): "该工作簿解压后过大（可能是“压缩炸弹”），未打开。请从平台重新导出文件。",
    ("Errors", "Cannot open the file: {reason}."): "无法打开文件：{reason}。",
    (
        "Errors",
        "The file is empty. Export the orders again and choose that file.",
    ): "文件是空的。请重新导出订单并选择该文件。",
    (
        "Errors",
        "The workbook is protected with a password. Open it in Excel, remove the password "
        "(File > Info > Protect Workbook) and save it as .xlsx.",
    ): "该工作簿设有密码。请用 Excel 打开，删除密码（文件 > 信息 > 保护工作簿）后另存为 .xlsx。",
    (
        "Errors",
        "The file is too large ({size} MiB; the limit is {limit} MiB). Export a shorter date "
        "range and import the parts one by one.",
    ): "文件过大（{size} MiB，上限为 {limit} MiB）。请缩短导出的日期范围，分批导入。",
    (
        "Errors",
        "The file is a web page or XML file with a spreadsheet name, and it holds no table. "
        "Open it in Excel and save it as .xlsx (Excel Workbook), then import that.",
    ): "该文件是网页或 XML 文件，只是用了表格文件的名称，其中没有表格。"
    "请用 Excel 打开并另存为 .xlsx（Excel 工作簿），再导入该文件。",
    (
        "Errors",
        "The file is not a CSV or Excel workbook (its text is neither UTF-8 nor GBK/GB18030). "
        "{hint}",
    ): "该文件不是 CSV 或 Excel 工作簿（其文本既不是 UTF-8 也不是 GBK/GB18030 编码）。{hint}",
    (
        "Errors",
        "The file is not a CSV or Excel workbook (it contains binary data). {hint}",
    ): "该文件不是 CSV 或 Excel 工作簿（含有二进制数据）。{hint}",
    (
        "Errors",
        "The CSV file is damaged near row {row}: {reason}. {hint}",
    ): "CSV 文件在第 {row} 行附近已损坏：{reason}。{hint}",
    (
        "Errors",
        "The file has more than {rows} data rows. Export a shorter date range and import the "
        "parts one by one.",
    ): "文件超过 {rows} 行数据。请缩短导出的日期范围，分批导入。",
    (
        "Errors",
        "The file has no rows. Export the orders again and choose that file.",
    ): "文件中没有任何行。请重新导出订单并选择该文件。",
    (
        "Errors",
        "The workbook is damaged (it is not a valid .xlsx). {hint}",
    ): "该工作簿已损坏（不是有效的 .xlsx 文件）。{hint}",
    ("Errors", "an Excel binary workbook (.xlsb)"): "Excel 二进制工作簿 (.xlsb)",
    ("Errors", "an OpenDocument spreadsheet (.ods)"): "OpenDocument 电子表格 (.ods)",
    ("Errors", "a Word document"): "Word 文档",
    ("Errors", "a zip archive"): "zip 压缩包",
    (
        "Errors",
        "The file is {kind}, not a CSV or .xlsx workbook. Open it in Excel or WPS and save it as "
        ".xlsx (Excel Workbook), then import that.",
    ): "该文件是{kind}，不是 CSV 或 .xlsx 工作簿。请用 Excel 或 WPS 打开并另存为 .xlsx"
    "（Excel 工作簿），再导入该文件。",
    (
        "Errors",
        "The workbook has too many parts to be a real export. {hint}",
    ): "该工作簿包含的部件过多，不像是平台导出的文件。{hint}",
    (
        "Errors",
        "The workbook is too large once unpacked (over {limit}). Export a shorter date range and "
        "import the parts one by one.",
    ): "该工作簿解压后过大（超过 {limit}）。请缩短导出的日期范围，分批导入。",
    (
        "Errors",
        "The workbook is compressed to an implausible degree (a 'zip bomb') and was not opened. "
        "Export the file from the platform again.",
    ): "该工作簿的压缩比异常（“压缩炸弹”），未打开。请从平台重新导出文件。",
    (
        "Errors",
        "The workbook is damaged (bad zip header). {hint}",
    ): "该工作簿已损坏（zip 文件头错误）。{hint}",
    (
        "Errors",
        "The workbook uses an unsupported compression method. {hint}",
    ): "该工作簿使用了不支持的压缩方式。{hint}",
    (
        "Errors",
        "Reading Excel files is not available in this installation.",
    ): "当前安装的版本无法读取 Excel 文件。",
    (
        "Errors",
        "The workbook is protected with a password. Open it in Excel, remove the password and "
        "save it as .xlsx.",
    ): "该工作簿设有密码。请用 Excel 打开，删除密码后另存为 .xlsx。",
    (
        "Errors",
        "The {kind} workbook is damaged and cannot be read. {hint}",
    ): "该 {kind} 工作簿已损坏，无法读取。{hint}",
    (
        "Errors",
        "The sheet has more than {rows} data rows. Export a shorter date range and import the "
        "parts one by one.",
    ): "工作表超过 {rows} 行数据。请缩短导出的日期范围，分批导入。",
    (
        "Errors",
        "The workbook has no data. Export the orders again and choose that file.",
    ): "该工作簿中没有数据。请重新导出订单并选择该文件。",
}
