"""The Simplified Chinese UI translation, and a tool that writes it into the .ts file.

    uv run python tools/zh_CN_translations.py            # fill the .ts from TRANSLATIONS
    uv run python tools/zh_CN_translations.py --missing  # list .ts entries that have no translation here
    uv run python tools/zh_CN_translations.py --lint     # check placeholders and mnemonics

:data:`TRANSLATIONS` (plus one file per feature in ``tools/zh_CN/``) is the source of truth: after ``tools/i18n.py update`` adds new strings, add them
here and run this tool again, then ``tools/i18n.py release``. Keys are ``(context, English source)``;
when a key is missing, a translation of the same English source in another context is reused.
``numerus="yes"`` messages (``%n``) get a single form in Chinese (a list is accepted too).

Terminology (keep it consistent when adding strings):

* supplier order / 1688 order → 1688订单 (its id: 1688订单号); shop order no. → 店铺订单号
* sales status → 订单状态 (the shop side), 1688 status → 1688状态; sides disagree → 状态不一致
* offer → 货源报价 / 报价; sourcing → 货源; supplier → 供应商; channel distributor → 渠道商
* landed cost → 综合成本 (cost + dropship fee + shipping); margin → 毛利率; MOQ → 起批量
* lead time → 发货时效 / 发货天数; dropship → 一件代发; dropship fee → 代发费; fulfilment → 代发方式
* carrier → 物流公司; tracking no. → 运单号; ship-by deadline → 最晚发货时间
* buyer → 买家; recipient → 收货人; buyer data → 买家信息; masked → 已打码
* close (unpaid order) → 关闭订单; refund application → 退款申请 (申请退款); evidence → 凭证
* distribution account → 分销账号; member id → 会员ID; connector → 连接方式
* backup → 备份; restore → 恢复; interrupted → 中断
* menus and buttons keep their mnemonic as "文件(&F)"; labels end in a full-width colon "：".
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "dropship_desktop_zh_CN.ts"

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
    # ---------------------------------------------------------------- InterruptedBanner
    ("InterruptedBanner", "&Resolve…"): "处理(&R)…",
    (
        "InterruptedBanner",
        "%n cancellation request(s) were interrupted (the app stopped or the connection was "
        "lost). Check those orders on 1688 and say what happened.",
    ): "有 %n 个取消申请被中断（软件停止或连接断开）。请在1688上查看这些订单，并告知处理结果。",
    # ---------------------------------------------------------------- InterruptedDialog
    ("InterruptedDialog", "Interrupted Cancellations"): "中断的取消申请",
    ("InterruptedDialog", "1688 order id"): "1688订单号",
    ("InterruptedDialog", "Action"): "操作",
    ("InterruptedDialog", "Amount"): "金额",
    ("InterruptedDialog", "Reason"): "原因",
    ("InterruptedDialog", "Recorded"): "记录时间",
    ("InterruptedDialog", "What is known"): "已知情况",
    ("InterruptedDialog", "What you saw on 1688 (optional)"): "您在1688上看到的情况（可选）",
    ("InterruptedDialog", "&Not done on 1688"): "1688上未完成(&N)",
    ("InterruptedDialog", "Not done: cancel it &again…"): "未完成：重新取消(&A)…",
    ("InterruptedDialog", "&Open on 1688"): "在1688上打开(&O)",
    (
        "InterruptedDialog",
        "The app does not know whether these requests reached 1688. Open each order on 1688, "
        "look whether it was closed (or the refund applied for), then say so here. Nothing is "
        "marked closed unless you say it was.",
    ): "软件无法确定这些请求是否已到达1688。请在1688上逐个打开订单，查看是否已关闭（或已申请退款），"
    "然后在这里告知。除非您确认，否则不会把任何订单标记为已关闭。",
    ("InterruptedDialog", "Nothing left to resolve."): "已全部处理完毕。",
    ("InterruptedDialog", "&Refund was applied for on 1688"): "1688上已申请退款(&R)",
    ("InterruptedDialog", "&Closed on 1688"): "1688上已关闭(&C)",
    ("InterruptedDialog", "1688 order {} resolved."): "1688订单 {} 已处理。",
    # ---------------------------------------------------------------- MainWindow
    # ---------------------------------------------------------------- Timeline
    ("Timeline", "Order"): "订单",
    ("Timeline", "{name}: {value}"): "{name}：{value}",
    ("Timeline", "; "): "；",
    ("Timeline", "1688 order"): "1688订单",
    ("Timeline", "Cancellation"): "取消申请",
    ("Timeline", "Created"): "已创建",
    ("Timeline", "Changed"): "已修改",
    ("Timeline", "Deleted"): "已删除",
    ("Timeline", "Status updated from an imported file"): "导入文件更新了状态",
    ("Timeline", "Buyer data shown"): "查看了买家信息",
    ("Timeline", "Linked to this order by hand"): "已手动关联到此订单",
    ("Timeline", "Cancellation recorded"): "已记录取消申请",
    ("Timeline", "Cancellation started on 1688"): "已开始在1688上取消",
    ("Timeline", "Cancellation skipped"): "已跳过取消",
    ("Timeline", "Cancellation done: order closed"): "取消完成：订单已关闭",
    ("Timeline", "Cancellation done: refund requested"): "取消完成：已申请退款",
    ("Timeline", "Cancellation done: refunded"): "取消完成：已退款",
    ("Timeline", "Cancellation failed"): "取消失败",
    ("Timeline", "Cancellation interrupted"): "取消申请已中断",
    ("Timeline", "Interrupted cancellation resolved"): "已处理中断的取消申请",
    ("Timeline", "Closed on 1688"): "已在1688关闭",
    ("Timeline", "Refund requested on 1688"): "已在1688申请退款",
    ("Timeline", "Status follows the cancelled 1688 orders"): "订单状态随已取消的1688订单更新",
    ("Timeline", "Status"): "状态",
    ("Timeline", "State"): "进度",
    ("Timeline", "Refund"): "退款",
    ("Timeline", "Action"): "操作",
    ("Timeline", "Reason"): "原因",
    ("Timeline", "Message"): "信息",
    ("Timeline", "Error"): "错误",
    ("Timeline", "1688 order id"): "1688订单号",
    ("Timeline", "Amount"): "金额",
    ("Timeline", "Attempt"): "第几次",
    ("Timeline", "File"): "文件",
    ("Timeline", "Fields"): "字段",
    ("Timeline", "Refund id"): "退款单号",
    ("Timeline", "Resolution"): "处理结果",
    ("Timeline", "name"): "姓名",
    ("Timeline", "phone"): "电话",
    ("Timeline", "address"): "地址",
    ("MainWindow", "Dropship Desktop"): "一件代发助手",
    ("MainWindow", "DEMO DATA"): "演示数据",
    ("MainWindow", "READ-ONLY"): "只读",
    ("MainWindow", "&File"): "文件(&F)",
    ("MainWindow", "&Orders"): "订单(&O)",
    ("MainWindow", "&Import Orders…"): "导入订单(&I)…",
    ("MainWindow", "&Export Orders…"): "导出订单(&E)…",
    ("MainWindow", "Import &Products and Offers…"): "导入商品和报价(&P)…",
    ("MainWindow", "Demo database: {name}"): "演示数据库：{name}",
    ("MainWindow", "Database: {name}"): "数据库：{name}",
    ("MainWindow", "&Back Up Now"): "立即备份(&B)",
    ("MainWindow", "Backups and &Restore…"): "备份与恢复(&R)…",
    ("MainWindow", "&Delete Old Buyer Data…"): "删除旧的买家信息(&D)…",
    ("MainWindow", "&Quit"): "退出(&Q)",
    ("MainWindow", "&View"): "查看(&V)",
    ("MainWindow", "&Refresh"): "刷新(&R)",
    ("MainWindow", "&Cancel Orders…"): "取消订单(&C)…",
    ("MainWindow", "&Interrupted Cancellations…"): "中断的取消申请(&I)…",
    ("MainWindow", "&Settings"): "设置(&S)",
    ("MainWindow", "&Language"): "语言(&L)",
    ("MainWindow", "&Help"): "帮助(&H)",
    ("MainWindow", "&About Dropship Desktop"): "关于一件代发助手(&A)",
    ("MainWindow", "Demo database"): "演示数据库",
    ("MainWindow", "Database"): "数据库",
    ("MainWindow", "Working…"): "正在处理…",
    ("MainWindow", "Making a backup…"): "正在备份…",
    ("MainWindow", "Backup made and checked: {}"): "备份完成并已校验：{}",
    ("MainWindow", "The backup failed: {}"): "备份失败：{}",
    (
        "MainWindow",
        "Dropship Desktop is already open: here it is.",
    ): "一件代发助手已经打开，就是这个窗口。",
    ("MainWindow", "About Dropship Desktop"): "关于一件代发助手",
    (
        "MainWindow",
        "<h3>{name} {version}</h3><p>One-piece dropshipping assistant for 1688 sellers: sourcing, "
        "both sides of every order, cancellations, after-sales.</p><p>Data folder: {folder}<br>"
        "Database: {db}</p>",
    ): "<h3>{name} {version}</h3><p>面向1688分销卖家的一件代发助手：货源管理、店铺订单与1688订单对应、"
    "取消订单、售后。</p><p>数据文件夹：{folder}<br>数据库：{db}</p>",
    ("MainWindow", "Language"): "语言",
    (
        "MainWindow",
        "The new language is used from the next start. Restart now?",
    ): "新语言将在下次启动时生效。现在重启吗？",
    # ---------------------------------------------------------------- MappingDialog
    ("MappingDialog", "Order number"): "订单号",
    ("MappingDialog", "Sub-order (line) number"): "子订单号",
    ("MappingDialog", "Shop name"): "店铺名称",
    ("MappingDialog", "Recipient name"): "收货人姓名",
    ("MappingDialog", "Recipient phone"): "收货人电话",
    ("MappingDialog", "Address (detail, or the full address)"): "地址（详细地址或完整地址）",
    ("MappingDialog", "Province"): "省",
    ("MappingDialog", "City"): "市",
    ("MappingDialog", "District"): "区/县",
    ("MappingDialog", "Street / town"): "街道/镇",
    ("MappingDialog", "Product title"): "商品标题",
    ("MappingDialog", "SKU / seller code / spec"): "SKU / 商家编码 / 规格",
    ("MappingDialog", "Quantity"): "数量",
    ("MappingDialog", "Unit price"): "单价",
    ("MappingDialog", "Amount paid"): "实付金额",
    ("MappingDialog", "Shipping fee"): "运费",
    ("MappingDialog", "Order status"): "订单状态",
    ("MappingDialog", "Created at"): "下单时间",
    ("MappingDialog", "Paid at"): "付款时间",
    ("MappingDialog", "Carrier"): "物流公司",
    ("MappingDialog", "Tracking number"): "运单号",
    ("MappingDialog", "Supplier"): "供应商",
    ("MappingDialog", "Remark"): "备注",
    ("MappingDialog", "Map columns"): "对应列",
    ("MappingDialog", "Shop orders (sales)"): "店铺订单（销售）",
    ("MappingDialog", "1688 purchase orders (supplier side)"): "1688采购单（供应商侧）",
    (
        "MappingDialog",
        "Choose the file's column for each field. The order number is required; for shop orders "
        "the order status too.",
    ): "为每个字段选择文件中对应的列。订单号必选；店铺订单还必须选择订单状态。",
    ("MappingDialog", "The file holds:"): "文件内容：",
    ("MappingDialog", "(not in the file)"): "（文件中没有）",
    (
        "MappingDialog",
        "Remember this mapping for files with these columns",
    ): "对具有相同列的文件记住此对应关系",
    ("MappingDialog", "Choose a column for: {}"): "请为以下字段选择列：{}",
    ("MappingDialog", "One column is chosen for two fields."): "同一列被选给了两个字段。",
    # ---------------------------------------------------------------- MessageBar
    ("MessageBar", "Dismiss"): "关闭",
    # ---------------------------------------------------------------- Messages
    ("Messages", "Supplier created."): "供应商已创建。",
    (
        "Messages",
        "{count} interrupted cancellation request(s) found.",
    ): "发现 {count} 个中断的取消申请。",
    ("Messages", "Supplier saved."): "供应商已保存。",
    ("Messages", "Supplier deleted."): "供应商已删除。",
    # ---------------------------------------------------------------- MoneyEdit
    ("MoneyEdit", "Required."): "必填。",
    ("MoneyEdit", "At most two decimals (fen)."): "最多两位小数（到分）。",
    ("MoneyEdit", "Cannot be negative."): "不能为负数。",
    ("MoneyEdit", "Not an amount; type e.g. 12.50."): "不是有效金额，请输入如 12.50。",
    ("MoneyEdit", "Must be more than 0."): "必须大于 0。",
    ("MoneyEdit", "Too large."): "金额过大。",
    # ---------------------------------------------------------------- OfferDialog
    ("OfferDialog", "Edit offer"): "编辑报价",
    ("OfferDialog", "New offer"): "新建报价",
    ("OfferDialog", " days"): " 天",
    ("OfferDialog", "One-piece dropship (一件代发)"): "支持一件代发",
    ("OfferDialog", "Unknown"): "未知",
    (
        "OfferDialog",
        "0 means out of stock; the offer is then marked.",
    ): "0 表示缺货，该报价会被标记。",
    ("OfferDialog", "Today"): "今天",
    ("OfferDialog", "Supplier"): "供应商",
    ("OfferDialog", "Unit cost (¥)"): "单价成本（¥）",
    ("OfferDialog", "Price tiers"): "阶梯价",
    ("OfferDialog", "Minimum order (MOQ)"): "起批量",
    ("OfferDialog", "Lead time"): "发货时效",
    ("OfferDialog", "Dropship"): "一件代发",
    ("OfferDialog", "Dropship fee (¥)"): "代发费（¥）",
    ("OfferDialog", "Fulfilment"): "代发方式",
    ("OfferDialog", "Shipping (¥)"): "运费（¥）",
    ("OfferDialog", "Stock"): "库存",
    ("OfferDialog", "1688 offer id or URL"): "1688商品ID或链接",
    ("OfferDialog", "Last checked"): "最近核实",
    (
        "OfferDialog",
        "Type a date like 2026-10-31, or leave it empty.",
    ): "请输入日期，如 2026-10-31，或留空。",
    ("OfferDialog", "Add a supplier first (Suppliers tab)."): "请先添加供应商（“供应商”标签页）。",
    ("OfferDialog", "Fill in the fields to see the landed cost."): "填写各项后即可看到综合成本。",
    ("OfferDialog", "Landed cost of a one-piece order: {}"): "一件代发的综合成本：{}",
    ("OfferDialog", " · margin {} ({}%)"): " · 毛利 {}（{}%）",
    ("OfferDialog", "⚠ This offer cannot serve a one-piece order."): "⚠ 该报价无法满足一件代发。",
    # ---------------------------------------------------------------- PriceTiersEdit
    ("PriceTiersEdit", "Minimum quantity"): "数量达到（件）",
    ("PriceTiersEdit", "Unit price (¥)"): "单价（¥）",
    ("PriceTiersEdit", "Price tiers"): "阶梯价",
    (
        "PriceTiersEdit",
        "From each minimum quantity on, the unit price of that row applies. Leave the table empty "
        "when the offer has one price.",
    ): "购买数量达到某行的数量时，按该行的单价计算。只有一个价格时请留空。",
    ("PriceTiersEdit", "Add tier"): "添加一档",
    ("PriceTiersEdit", "Remove tier"): "删除此档",
    ("PriceTiersEdit", "Tier {}: enter the minimum quantity."): "第 {} 档：请填写数量。",
    (
        "PriceTiersEdit",
        "Tier {}: the minimum quantity must be a whole number up to 1,000,000.",
    ): "第 {} 档：数量必须是不超过 1,000,000 的整数。",
    ("PriceTiersEdit", "Tier {}: enter the unit price."): "第 {} 档：请填写单价。",
    (
        "PriceTiersEdit",
        "Tier {}: the unit price is not an amount; type e.g. 9.50 (at most two decimals).",
    ): "第 {} 档：单价不是有效金额，请输入如 9.50（最多两位小数）。",
    (
        "PriceTiersEdit",
        "Tier {}: the unit price is too large (at most ¥10,000,000.00).",
    ): "第 {} 档：单价过大（最多 ¥10,000,000.00）。",
    # ---------------------------------------------------------------- OrderDetailPane
    ("OrderDetailPane", "Show buyer data"): "显示买家信息",
    (
        "OrderDetailPane",
        "Shows the full name, phone and address; the reveal is recorded.",
    ): "显示完整的姓名、电话和地址；查看操作会被记录。",
    ("OrderDetailPane", "Select an order to see its details."): "选择一个订单以查看详情。",
    ("OrderDetailPane", "Sales status"): "订单状态",
    ("OrderDetailPane", "1688 status"): "1688状态",
    ("OrderDetailPane", "No 1688 order"): "无1688订单",
    ("OrderDetailPane", "Created"): "下单时间",
    ("OrderDetailPane", "Paid"): "付款时间",
    ("OrderDetailPane", "Paid amount"): "实付金额",
    ("OrderDetailPane", "Ship by"): "最晚发货",
    ("OrderDetailPane", "Payment"): "支付方式",
    ("OrderDetailPane", "Sale amount"): "销售金额",
    ("OrderDetailPane", "Cost"): "成本",
    ("OrderDetailPane", "Dropship fee"): "代发费",
    ("OrderDetailPane", "Shipping"): "运费",
    ("OrderDetailPane", "Profit"): "利润",
    ("OrderDetailPane", "Carrier"): "物流公司",
    ("OrderDetailPane", "Tracking no."): "运单号",
    ("OrderDetailPane", "Remark"): "备注",
    ("OrderDetailPane", "The buyer data was removed."): "买家信息已删除。",
    ("OrderDetailPane", "Shown in full; the reveal was recorded."): "已完整显示；查看操作已记录。",
    ("OrderDetailPane", "Masked."): "已打码。",
    ("OrderDetailPane", "Name"): "姓名",
    ("OrderDetailPane", "Phone"): "电话",
    ("OrderDetailPane", "Address"): "地址",
    ("OrderDetailPane", "Product"): "商品",
    ("OrderDetailPane", "SKU"): "SKU",
    ("OrderDetailPane", "Spec"): "规格",
    ("OrderDetailPane", "Qty"): "数量",
    ("OrderDetailPane", "Price"): "单价",
    ("OrderDetailPane", "1688 order id"): "1688订单号",
    ("OrderDetailPane", "Supplier"): "供应商",
    ("OrderDetailPane", "Status"): "状态",
    ("OrderDetailPane", "Refund"): "退款",
    ("OrderDetailPane", "Cost + fee + shipping"): "成本 + 代发费 + 运费",
    ("OrderDetailPane", "Action"): "操作",
    ("OrderDetailPane", "Reason"): "原因",
    ("OrderDetailPane", "State"): "状态",
    ("OrderDetailPane", "Error"): "错误",
    ("OrderDetailPane", "None."): "暂无",
    ("OrderDetailPane", "When"): "时间",
    ("OrderDetailPane", "What"): "内容",
    ("OrderDetailPane", "Before"): "修改前",
    ("OrderDetailPane", "After"): "修改后",
    ("OrderDetailPane", "No recorded changes."): "没有变更记录。",
    # ---------------------------------------------------------------- OrderFilterBar
    ("OrderFilterBar", "All orders"): "全部订单",
    ("OrderFilterBar", "Needs attention"): "需处理",
    ("OrderFilterBar", "Sides disagree (paid ↔ cancelled)"): "状态不一致（已付款 ↔ 已取消）",
    ("OrderFilterBar", "Not ordered from the supplier"): "未向供应商下单",
    (
        "OrderFilterBar",
        "Overdue or close to the ship-by deadline",
    ): "已超时或临近最晚发货时间",
    ("OrderFilterBar", "Cancellation or refund pending"): "取消或退款处理中",
    ("OrderFilterBar", "Supplier orders awaiting a match"): "待关联的1688订单",
    ("OrderFilterBar", "Any sales status"): "全部订单状态",
    ("OrderFilterBar", "Any 1688 status"): "全部1688状态",
    ("OrderFilterBar", "No 1688 order"): "无1688订单",
    ("OrderFilterBar", "From"): "从",
    ("OrderFilterBar", "To"): "至",
    ("OrderFilterBar", "Flagged only"): "仅看有提醒的",
    ("OrderFilterBar", "Clear filters"): "清除筛选",
    ("OrderFilterBar", "Any shop"): "全部店铺",
    ("OrderFilterBar", "Any supplier"): "全部供应商",
    # ---------------------------------------------------------------- OrderListModel
    ("OrderListModel", "Shop"): "店铺",
    ("OrderListModel", "Shop order no."): "店铺订单号",
    ("OrderListModel", "Created"): "下单时间",
    ("OrderListModel", "Paid"): "付款时间",
    ("OrderListModel", "Buyer"): "买家",
    ("OrderListModel", "Products"): "商品",
    ("OrderListModel", "Qty"): "数量",
    ("OrderListModel", "Sale amount"): "销售金额",
    ("OrderListModel", "Cost"): "成本",
    ("OrderListModel", "Dropship fee"): "代发费",
    ("OrderListModel", "Profit"): "利润",
    ("OrderListModel", "Sales status"): "订单状态",
    ("OrderListModel", "1688 status"): "1688状态",
    ("OrderListModel", "1688 order id"): "1688订单号",
    ("OrderListModel", "Carrier"): "物流公司",
    ("OrderListModel", "Tracking no."): "运单号",
    ("OrderListModel", "Ship by"): "最晚发货",
    ("OrderListModel", "Flags"): "提醒",
    ("OrderListModel", "Overdue"): "已超时",
    ("OrderListModel", "Ship soon"): "即将超时",
    ("OrderListModel", "Cancellation pending"): "1688取消处理中",
    ("OrderListModel", "Refund pending"): "1688退款申请中",
    ("OrderListModel", "Sides disagree"): "状态不一致",
    ("OrderListModel", "Not ordered from supplier"): "未向供应商下单",
    ("OrderListModel", ", "): "、",
    # ---------------------------------------------------------------- OrderListPage
    (
        "OrderListPage",
        "Search order no., buyer name, phone tail, product or address",
    ): "搜索订单号、买家姓名、手机尾号、商品或地址",
    ("OrderListPage", "Open the order list on &1688"): "在1688上打开订单列表(&1)",
    ("OrderListPage", "Open the &selected order on 1688"): "在1688上打开所选订单(&S)",
    (
        "OrderListPage",
        "The account's orders. Search and filter to find the ones to cancel and select them "
        "(Shift/Ctrl with the arrow keys or the mouse); you can also pick them on the next page.",
    ): "该账号的订单。通过搜索和筛选找到要取消的订单并选中（Shift/Ctrl 配合方向键或鼠标）；"
    "也可以在下一步中挑选。",
    ("OrderListPage", "Searching…"): "正在搜索…",
    ("OrderListPage", "%n order(s)"): "%n 个订单",
    (
        "OrderListPage",
        "%n supplier order(s) of the selected orders will be selected.",
    ): "将选中所选订单对应的 %n 个1688订单。",
    (
        "OrderListPage",
        "%n order(s) chosen in the order list are already selected.",
    ): "在订单列表中选择的 %n 个订单已选中。",
    ("OrderListPage", "This order has no 1688 order id to open."): "该订单没有可打开的1688订单号。",
    # ---------------------------------------------------------------- OrdersView
    (
        "OrdersView",
        "Copy the selected rows as a table, to paste into Excel or WPS",
    ): "复制所选行（表格格式），可直接粘贴到Excel或WPS",
    ("OrdersView", "Reset columns"): "恢复默认列",
    # ---------------------------------------------------------------- Shortcuts
    ("Shortcuts", "{tip} ({shortcut})"): "{tip}（{shortcut}）",
    ("OrdersView", "1688 order id"): "1688订单号",
    ("OrdersView", "1688 status"): "1688状态",
    ("OrdersView", "Supplier"): "供应商",
    ("OrdersView", "Product"): "商品",
    ("OrdersView", "Qty"): "数量",
    ("OrdersView", "Paid"): "实付",
    ("OrdersView", "Created"): "下单时间",
    ("OrdersView", "Recipient"): "收货人",
    ("OrdersView", "Orders"): "订单",
    (
        "OrdersView",
        "Search order no., buyer name, phone tail, product or address",
    ): "搜索订单号、买家姓名、手机尾号、商品或地址",
    ("OrdersView", "Copy rows"): "复制行",
    ("OrdersView", "Cancel order…"): "取消订单…",
    (
        "OrdersView",
        "Cancel the selected orders on 1688 with the cancel wizard (取消订单)",
    ): "用取消订单向导在1688上取消所选订单",
    ("OrdersView", "Import…"): "导入…",
    ("OrdersView", "Import orders from a shop or 1688 export"): "从店铺或1688导出的文件导入订单",
    ("OrdersView", "Export…"): "导出…",
    (
        "OrdersView",
        "Export the orders of the current filter (or the selected ones)",
    ): "导出当前筛选结果中的订单（或所选订单）",
    ("OrdersView", "Link to order…"): "关联订单…",
    (
        "OrdersView",
        "1688 orders that match no shop order. Select one and link it to the shop order it "
        "belongs to; the order's cost, profit and status are then recomputed.",
    ): "以下1688订单没有匹配到店铺订单。选中一个并关联到对应的店铺订单后，"
    "会重新计算该订单的成本、利润和状态。",
    ("OrdersView", "Loading…"): "正在加载…",
    ("OrdersView", "Searching…"): "正在搜索…",
    ("OrdersView", "Counting…"): "正在统计…",
    ("OrdersView", "%n order(s)"): "%n 个订单",
    ("OrdersView", "%n supplier order(s) awaiting a match"): "%n 个1688订单待关联",
    ("OrdersView", "Link to order"): "关联订单",
    (
        "OrdersView",
        "Shop order no. that 1688 order {} belongs to:",
    ): "1688订单 {} 对应的店铺订单号：",
    (
        "OrdersView",
        "No order has the shop order no. {}. Check the number, or import the shop's orders first.",
    ): "没有店铺订单号为 {} 的订单。请检查订单号，或先导入该店铺的订单。",
    (
        "OrdersView",
        "Several shops have an order {}; choose one:",
    ): "多个店铺都有订单 {}，请选择一个：",
    # ---------------------------------------------------------------- PrivacyDialog
    ("PrivacyDialog", "Delete Old Buyer Data"): "删除旧的买家信息",
    (
        "PrivacyDialog",
        "Buyer names, phone numbers and addresses are personal data. Orders older than the "
        "number of days below can lose them; order numbers, products, amounts and statuses stay.",
    ): "买家姓名、电话和地址属于个人信息。超过下方天数的订单可以删除这些信息；"
    "订单号、商品、金额和状态会保留。",
    ("PrivacyDialog", "Older than (days):"): "超过（天）：",
    (
        "PrivacyDialog",
        "Delete them automatically each time the app starts",
    ): "每次启动软件时自动删除",
    ("PrivacyDialog", "Delete Now…"): "立即删除…",
    (
        "PrivacyDialog",
        "Delete buyer names, phone numbers and addresses of all orders older than {} days? This "
        "cannot be undone (backups made earlier still hold them until they are thinned away).",
    ): "删除所有超过 {} 天的订单中的买家姓名、电话和地址吗？此操作无法撤销"
    "（之前的备份中仍保留这些信息，直到这些备份被清理）。",
    ("PrivacyDialog", "Deleting…"): "正在删除…",
    ("PrivacyDialog", "Buyer data deleted from {} orders."): "已删除 {} 个订单的买家信息。",
    # ---------------------------------------------------------------- ProductDialog
    ("ProductDialog", "Edit product"): "编辑商品",
    ("ProductDialog", "New product"): "新建商品",
    ("ProductDialog", "e.g. 颜色：白/灰；容量：350ml"): "如：颜色：白/灰；容量：350ml",
    ("ProductDialog", "Title"): "标题",
    ("ProductDialog", "SKU"): "SKU",
    ("ProductDialog", "Sale price (¥)"): "售价（¥）",
    ("ProductDialog", "Specifications"): "规格",
    ("ProductDialog", "Description"): "描述",
    ("ProductDialog", "Enter the product title."): "请输入商品标题。",
    (
        "ProductDialog",
        "Listing completeness {}%. Clear product information prevents cancellations and returns. "
        "To improve:",
    ): "商品信息完整度 {}%。清晰的商品信息可以减少取消订单和退货。待完善：",
    (
        "ProductDialog",
        "Listing completeness 100%: title, SKU, price, specifications and description are all "
        "there.",
    ): "商品信息完整度 100%：标题、SKU、售价、规格和描述都已填写。",
    # ---------------------------------------------------------------- ReasonPage
    ("ReasonPage", "&One reason for all selected orders"): "所选订单使用同一原因(&O)",
    ("ReasonPage", "A reason for &each order"): "每个订单分别填写原因(&E)",
    ("ReasonPage", "Unpaid orders to close (%n)"): "要关闭的未付款订单（%n 个）",
    (
        "ReasonPage",
        "Paid orders: refund application (%n), the supplier must agree",
    ): "已付款订单：申请退款（%n 个），需供应商同意",
    (
        "ReasonPage",
        "You choose the same reason on the 1688 page when you cancel each order; the app keeps it "
        "with the order's history.",
    ): "在1688页面上取消每个订单时请选择相同的原因；本软件会将其记入订单历史。",
    (
        "ReasonPage",
        "1688 could not be asked for its reason list; the built-in list is shown.",
    ): "无法从1688获取原因列表，显示的是内置列表。",
    (
        "ReasonPage",
        "Also mark the supplier's offer as out of stock in the sourcing data (%n offer(s)), so it "
        "is not chosen again",
    ): "同时在货源数据中将该供应商的报价标记为缺货（%n 个报价），以免再次选用",
    # ---------------------------------------------------------------- RefundReasonEditor
    (
        "RefundReasonEditor",
        "Evidence image addresses, one a line (1–5)",
    ): "凭证图片地址，每行一个（1–5 个）",
    ("RefundReasonEditor", "Re&fund reason:"): "退款原因(&F)：",
    ("RefundReasonEditor", "&Description:"): "退款说明(&D)：",
    ("RefundReasonEditor", "E&vidence:"): "凭证(&V)：",
    ("RefundReasonEditor", "Choose a reason…"): "请选择原因…",
    ("RefundReasonEditor", "{count} characters ({min}–{max})"): "{count} 个字（{min}–{max}）",
    (
        "RefundReasonEditor",
        "This reason needs evidence: 1 to 5 images.",
    ): "该原因需要上传凭证：1 至 5 张图片。",
    (
        "RefundReasonEditor",
        "Attach them on the 1688 page when you apply.",
    ): "申请时请在1688页面上上传。",
    # ---------------------------------------------------------------- SelectPage
    ("SelectPage", "Filter by order no. or product"): "按订单号或商品筛选",
    ("SelectPage", "Select all &cancellable"): "全选可取消的订单(&C)",
    ("SelectPage", "C&lear selection"): "清除选择(&L)",
    (
        "SelectPage",
        "Check the supplier orders to cancel (Space checks the selected rows). Orders with a "
        "cancellation already under way cannot be checked.",
    ): "勾选要取消的1688订单（按空格键勾选所选行）。已有进行中取消申请的订单无法勾选。",
    ("SelectPage", "1688 order id"): "1688订单号",
    ("SelectPage", "What will happen"): "处理方式",
    ("SelectPage", "Amount"): "金额",
    ("SelectPage", "1688 status"): "1688状态",
    ("SelectPage", "Product"): "商品",
    ("SelectPage", "Shop order no."): "店铺订单号",
    (
        "SelectPage",
        "{selected} selected: {closes} to close, {refunds} refund application(s), {waits} to wait "
        "for, {others} not cancellable here.",
    ): "已选 {selected} 个：{closes} 个关闭，{refunds} 个申请退款，{waits} 个需等待，"
    "{others} 个无法在此取消。",
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
    # ---------------------------------------------------------------- Import
    ("Import", "update product"): "更新商品",
    ("Import", "new product"): "新建商品",
    ("Import", "new supplier"): "新建供应商",
    ("Import", "offer"): "报价",
    # ---------------------------------------------------------------- Messages (more)
    ("Messages", "Product created."): "商品已创建。",
    ("Messages", "Product saved."): "商品已保存。",
    ("Messages", "Product deleted."): "商品已删除。",
    ("Messages", "Offer created."): "报价已创建。",
    ("Messages", "Offer saved."): "报价已保存。",
    ("Messages", "Offer deleted."): "报价已删除。",
    ("Messages", "Preferred offer set."): "已设为首选报价。",
    ("Messages", "Preferred offer cleared."): "已取消首选报价。",
    ("Messages", "Offer marked out of stock."): "报价已标记为缺货。",
    (
        "Messages",
        "Import finished: {products_created} new products, {offers_created} new offers, "
        "{offers_updated} offers updated.",
    ): "导入完成：新增 {products_created} 个商品、{offers_created} 个报价，"
    "更新 {offers_updated} 个报价。",
    ("Errors", "empty amount"): "金额为空",
    ("Errors", "more than two decimals: {value!r}"): "超过两位小数：{value!r}",
    ("Errors", "not an amount: {value!r}"): "不是金额：{value!r}",
    ("Errors", "negative amount: {value!r}"): "金额为负数：{value!r}",
    (
        "Errors",
        "The order number {value!r} was damaged by opening and re-saving the file in Excel or "
        "WPS (it is shown in scientific notation and its last digits are lost). Export the orders "
        "from the platform again and import that file without opening it, or save it as .xlsx "
        "with the column formatted as Text.",
    ): "订单号 {value!r} 已损坏：文件在 Excel 或 WPS 中打开并重新保存过（订单号变成了科学计数法，"
    "末尾几位数字已丢失）。请从平台重新导出订单，不要打开直接导入；或将该列设为“文本”格式后另存为 .xlsx。",
    (
        "Errors",
        "The order number {value!r} passed through a decimal number and may have lost digits. "
        "Export the orders from the platform again and import that file without opening it in "
        "Excel.",
    ): "订单号 {value!r} 曾被当作小数处理，可能已丢失数字。请从平台重新导出订单，"
    "不要在 Excel 中打开，直接导入该文件。",
    (
        "Errors",
        "{value!r} is not a date and time; expected a form like 2024-03-05 14:22:01.",
    ): "{value!r} 不是日期时间，格式应为 2024-03-05 14:22:01。",
    ("Errors", "unknown order status {value!r}"): "未知的订单状态 {value!r}",
    ("Errors", "{value!r} is not a whole number of items"): "{value!r} 不是整数件数",
    (
        "Errors",
        "The column mapping lacks: {names}. Choose a column for each.",
    ): "列对应中缺少：{names}。请为每一项选择一列。",
    (
        "Errors",
        "Unknown field {field!r} in the column mapping.",
    ): "列对应中有未知字段 {field!r}。",
    (
        "Errors",
        "The file has no column {header!r} (for {field}). Check that you chose the right file, "
        "or change the column mapping.",
    ): "文件中没有列 {header!r}（用于{field}）。请检查是否选对了文件，或修改列对应。",
    ("Errors", "the order number is empty"): "订单号为空",
    ("Errors", "{value!r} is not an amount ({reason})"): "{value!r} 不是金额（{reason}）",
    ("Errors", "the order status is empty"): "订单状态为空",
    ("Import", "Taobao / Tmall"): "淘宝 / 天猫",
    ("Import", "Row {row}, column {column}: {message}"): "第 {row} 行，{column} 列：{message}",
    ("Errors", "{name}: {problem}"): "{name}：{problem}",
    (
        "Errors",
        "The import was cancelled. Nothing was imported.",
    ): "导入已取消，未导入任何数据。",
    (
        "Errors",
        "The file has to be read whole first. Nothing was imported; try again.",
    ): "需要先完整读取该文件。未导入任何数据，请重试。",
    (
        "Errors",
        "{name} was only partly read by an import that stopped. Import it again.",
    ): "{name} 仅被中途停止的导入读取了一部分。请重新导入该文件。",
    (
        "Errors",
        "Unknown format {format!r}. Use one of: auto, {formats}.",
    ): "未知格式 {format!r}。请使用以下之一：auto、{formats}。",
    (
        "Errors",
        "The file's layout was not recognised as a Taobao/Tmall, Pinduoduo, Douyin or 1688 order "
        "export. Choose the format, or map its columns yourself.",
    ): "无法识别该文件的格式，它不像是淘宝/天猫、拼多多、抖店或1688导出的订单文件。"
    "请选择格式，或自行对应各列。",
    (
        "Errors",
        "The column mapping lacks: Order status. Choose the column that holds it.",
    ): "列对应中缺少：订单状态。请选择包含订单状态的列。",
    ("Errors", "the quantity must be at least 1"): "数量至少为 1",
    ("Errors", "the amount cannot be negative"): "金额不能为负数",
    (
        "Errors",
        "There is no shop for {label} orders yet. Name the shop these orders belong to with "
        "--shop NAME (it will be created).",
    ): "还没有用于{label}订单的店铺。请用 --shop NAME 指定这些订单所属的店铺（将自动创建）。",
    (
        "Errors",
        "There are several shops for {label} orders ({names}). Say which shop these orders belong "
        "to with --shop NAME.",
    ): "有多个店铺可用于{label}订单（{names}）。请用 --shop NAME 指定这些订单所属的店铺。",
    (
        "Errors",
        "{name} has {count} problem(s); nothing was imported. Correct the file (or the column "
        "mapping) and import it again.\n{problems}",
    ): "{name} 有 {count} 个问题，未导入任何数据。请改正文件（或列对应）后重新导入。\n{problems}",
    (
        "Errors",
        "{name} holds no orders; nothing was imported.",
    ): "{name} 中没有订单，未导入任何数据。",
    ("Errors", "Enter a name for the new shop."): "请输入新店铺的名称。",
    (
        "Errors",
        "A {platform} shop cannot receive this file's orders.",
    ): "{platform}店铺不能导入该文件中的订单。",
    ("Errors", "Choose the shop these orders belong to."): "请选择这些订单所属的店铺。",
    (
        "Errors",
        "The chosen shop no longer exists. Choose another one.",
    ): "所选店铺已不存在，请另选一个。",
    (
        "Errors",
        "The chosen shop is a {platform} shop; this file is a {format} export. Choose a matching "
        "shop.",
    ): "所选店铺是{platform}店铺，而该文件是{format}导出的订单。请选择相符的店铺。",
    (
        "Errors",
        "The number of demo orders cannot be negative.",
    ): "演示订单数量不能为负数。",
    (
        "Errors",
        "This database already holds orders. Demo data is only written into an empty database; "
        "choose another data folder (for example with --data-dir).",
    ): "该数据库中已有订单。演示数据只能写入空数据库，请选择其他数据文件夹（例如用 --data-dir）。",
    (
        "Errors",
        "The export was cancelled. No file was written.",
    ): "导出已取消，未写入任何文件。",
    (
        "Errors",
        "Unknown export format {format!r}; use xlsx or csv.",
    ): "未知的导出格式 {format!r}，请使用 xlsx 或 csv。",
    (
        "Errors",
        "Cannot write {name}: {reason}. Check that the folder exists, that the file is not open in "
        "Excel or WPS, and that the disk is not full.",
    ): "无法写入 {name}：{reason}。请检查文件夹是否存在、文件是否已在 Excel 或 WPS 中打开，"
    "以及磁盘空间是否已满。",
    (
        "Errors",
        "This order no longer exists; it may have been deleted.",
    ): "该订单已不存在，可能已被删除。",
    (
        "Errors",
        "The buyer data of this order was removed (personal data deletion); it cannot be shown "
        "any more.",
    ): "该订单的买家信息已删除（个人信息清理），无法再显示。",
    (
        "Errors",
        "This supplier order no longer exists; it may have been deleted.",
    ): "该1688订单已不存在，可能已被删除。",
    (
        "Errors",
        "The sales order no longer exists; it may have been deleted.",
    ): "该店铺订单已不存在，可能已被删除。",
    (
        "Errors",
        "1688 order {order} already belongs to order {other}. Only supplier orders awaiting a "
        "match can be linked.",
    ): "1688订单 {order} 已关联到订单 {other}。只有待关联的1688订单才能关联。",
    (
        "Errors",
        "Enter a number of days between {min} and {max} for deleting old buyer data.",
    ): "删除旧买家信息的天数请输入 {min} 到 {max} 之间的数字。",
    ("Import", "… and more problems."): "……还有更多问题。",
    ("Import", "… and {count} more problem(s)."): "……还有 {count} 个问题。",
    ("Import", "these"): "这些",
    ("Import", "different"): "其他平台",
    ("Messages", "Demo data created."): "演示数据已创建。",
    (
        "Messages",
        "Imported {file}: {created} new 1688 orders, {updated} updated, {unchanged} unchanged; "
        "{matched} matched to sales orders, {unmatched} awaiting a match.",
    ): "已导入 {file}：新增 {created} 个1688订单，更新 {updated} 个，{unchanged} 个无变化；"
    "{matched} 个已匹配店铺订单，{unmatched} 个待关联。",
    (
        "Messages",
        "Imported {file}: {created} new orders, {updated} updated, {unchanged} unchanged; "
        "{matched} waiting 1688 order(s) matched.",
    ): "已导入 {file}：新增 {created} 个订单，更新 {updated} 个，{unchanged} 个无变化；"
    "{matched} 个待关联的1688订单已匹配。",
    (
        "Messages",
        "Imported {file}: {created} new orders, {updated} updated, {unchanged} unchanged.",
    ): "已导入 {file}：新增 {created} 个订单，更新 {updated} 个，{unchanged} 个无变化。",
    (
        "Messages",
        "The supplier order already belongs to this order.",
    ): "该1688订单已关联到此订单。",
    ("Messages", "Supplier order linked."): "1688订单已关联。",
    ("Messages", "Old buyer data deleted."): "旧的买家信息已删除。",
    ("OrderDetailPane", "Buyer"): "买家",
    ("OrderDetailPane", "Lines"): "商品明细",
    ("OrderDetailPane", "Supplier orders"): "1688订单",
    ("OrderDetailPane", "Not ordered from the supplier yet."): "尚未向供应商下单。",
    ("OrderDetailPane", "Cancellation requests"): "取消申请",
    ("OrderDetailPane", "Timeline"): "操作记录",
    ("Errors", "An account named “{name}” already exists."): "已存在名为“{name}”的账号。",
    ("Errors", "The account has invalid fields."): "账号信息有误。",
    ("Errors", "This cancellation request no longer exists."): "该取消申请已不存在。",
    (
        "Errors",
        "An order appears twice in the batch; each order is cancelled once.",
    ): "同一订单在本批中出现了两次；每个订单只能取消一次。",
    (
        "Errors",
        "1688 order {order} no longer exists in the app; nothing was sent.",
    ): "软件中已没有1688订单 {order}，未发送任何请求。",
    (
        "Errors",
        "1688 order {order} was changed meanwhile; start again. Nothing was sent.",
    ): "1688订单 {order} 在此期间已有变动，请重新开始。未发送任何请求。",
    (
        "Errors",
        "1688 order {order} already has a cancellation under way; nothing was sent. Close the "
        "wizard and look at that order's requests.",
    ): "1688订单 {order} 已有进行中的取消申请，未发送任何请求。请关闭向导，查看该订单的申请记录。",
    (
        "Errors",
        "The request for 1688 order {order} is “{state}”; it cannot be sent again.",
    ): "1688订单 {order} 的申请状态为“{state}”，无法再次发送。",
    (
        "Errors",
        "The request for 1688 order {order} is “{state}”, not waiting for an answer.",
    ): "1688订单 {order} 的申请状态为“{state}”，并非在等待确认。",
    (
        "Errors",
        "The request for 1688 order {order} is “{state}”; it is not waiting to be sent.",
    ): "1688订单 {order} 的申请状态为“{state}”，并非在等待发送。",
    (
        "Errors",
        "Only failed requests can be retried; the request for 1688 order {order} is “{state}”.",
    ): "只能重试失败的申请；1688订单 {order} 的申请状态为“{state}”。",
    (
        "Errors",
        "1688 order {order} already has a cancellation under way; it is not sent again.",
    ): "1688订单 {order} 已有进行中的取消申请，不会再次发送。",
    (
        "Errors",
        "The request for 1688 order {order} is “{state}”, not interrupted.",
    ): "1688订单 {order} 的申请状态为“{state}”，并未中断。",
    (
        "Errors",
        "“{outcome}” is not a possible outcome of this request.",
    ): "“{outcome}”不是该申请可能的结果。",
    ("Messages", "Distribution account created."): "分销账号已创建。",
    ("Messages", "{count} cancellation request(s) recorded."): "已记录 {count} 个取消申请。",
    ("Messages", "Cancellation request started; waiting for the answer from 1688."): (
        "已开始取消申请，等待1688的结果。"
    ),
    (
        "Messages",
        "Stopped before the seller confirmed the result on 1688. Check the order on 1688, then "
        "say whether it was done.",
    ): "在您确认1688上的结果之前已停止。请在1688上查看该订单，然后告诉我们是否已完成。",
    ("Messages", "{count} offer(s) marked out of stock."): "已将 {count} 个报价标记为缺货。",
    ("Messages", "Order closed on 1688."): "订单已在1688关闭。",
    ("Messages", "Refund requested; waiting for the supplier."): "已申请退款，等待供应商处理。",
    ("Messages", "Cancellation failed."): "取消失败。",
    ("Messages", "Order skipped."): "订单已跳过。",
    (
        "Messages",
        "Cancellation interrupted; check the order on 1688.",
    ): "取消已中断，请在1688上查看该订单。",
    (
        "Messages",
        "Cancellation: {closed} closed, {refunds} refund(s) requested, {failed} failed, "
        "{interrupted} interrupted.",
    ): "取消订单：已关闭 {closed} 个，已申请退款 {refunds} 个，失败 {failed} 个，中断 {interrupted} 个。",
    # ---------------------------------------------------------------- Errors (start-up, database, backups)
    (
        "Errors",
        "No database at {path}. Start the app once or run 'demo' first.",
    ): "{path} 处没有数据库。请先启动一次本软件，或先运行“demo”命令。",
    (
        "Errors",
        "The database {path} is in use by another program, so it cannot be opened now. Close "
        "other copies of the app and programs using the file, then try again.",
    ): "数据库 {path} 正被其他程序使用，暂时无法打开。请关闭本软件的其他副本以及正在使用该文件的程序，"
    "然后重试。",
    (
        "Errors",
        "The connector “{kind}” is not available in this version of the app. Edit the "
        "distribution account and choose the manual connector.",
    ): "当前版本的软件不支持连接方式“{kind}”。请编辑分销账号，改用“手动”连接方式。",
    (
        "Errors",
        "Dropship Desktop is already open with this data folder (process {process}). Switch to "
        "that window, or close it first.",
    ): "一件代发助手已用此数据文件夹打开（进程 {process}）。请切换到那个窗口，或先将其关闭。",
    (
        "Errors",
        "Dropship Desktop is already open with this data folder. Switch to that window, or close "
        "it first.",
    ): "一件代发助手已用此数据文件夹打开。请切换到那个窗口，或先将其关闭。",
    (
        "Errors",
        "Dropship Desktop cannot save passwords or keys on this computer: no secure credential "
        "store (such as Windows Credential Manager) is available. Nothing was saved. You will "
        "need to enter them again each time.",
    ): "一件代发助手无法在这台电脑上保存密码或密钥：没有可用的安全凭据存储（如 Windows 凭据管理器）。"
    "未保存任何内容，以后每次都需要重新输入。",
    (
        "Errors",
        "The computer's credential store refused to save the key. Nothing was saved. Unlock the "
        "credential store (or sign in again) and retry.",
    ): "电脑的凭据存储拒绝保存密钥，未保存任何内容。请解锁凭据存储（或重新登录系统）后重试。",
    (
        "Errors",
        "The computer's credential store refused to delete the key. Unlock it and retry.",
    ): "电脑的凭据存储拒绝删除密钥。请解锁后重试。",
    ("Errors", "{path} is a folder, not a database file."): "{path} 是文件夹，不是数据库文件。",
    (
        "Errors",
        "The database file {path} cannot be read ({reason}). Check that the file is not open in "
        "another program and that you may read it.",
    ): "无法读取数据库文件 {path}（{reason}）。请检查该文件是否被其他程序占用，以及您是否有读取权限。",
    (
        "Errors",
        "The database {path} is damaged ({problem}). Start the app to move it aside and open the "
        "newest backup, or restore one with 'dropship-desktop restore'.",
    ): "数据库 {path} 已损坏（{problem}）。启动软件即可将其移到一旁并打开最新的备份，"
    "或用 'dropship-desktop restore' 恢复备份。",
    ("Errors", "There is no verified backup to open."): "没有可打开的已校验备份。",
    ("Errors", "backup"): "备份",
    ("Errors", "restore"): "恢复",
    (
        "Errors",
        "The {action} failed: the disk is full ({parent}). Free some space and try again. Your "
        "data has not been changed.",
    ): "{action}失败：磁盘已满（{parent}）。请释放一些空间后重试。您的数据没有改动。",
    (
        "Errors",
        "The {action} failed ({reason}). Your data has not been changed. Check that {parent} "
        "exists and may be written, then try again.",
    ): "{action}失败（{reason}）。您的数据没有改动。请检查 {parent} 是否存在且可写入，然后重试。",
    ("Errors", "The backup {name} cannot be read ({reason})."): "无法读取备份 {name}（{reason}）。",
    (
        "Errors",
        "{name} is not a Dropship Desktop backup (not an SQLite file).",
    ): "{name} 不是一件代发助手的备份（不是 SQLite 文件）。",
    ("Errors", "The backup {name} is damaged ({reason})."): "备份 {name} 已损坏（{reason}）。",
    (
        "Errors",
        "The backup {name} was made by a newer version of Dropship Desktop (schema {version}). "
        "Install the newest version of the app to use it.",
    ): "备份 {name} 由更新版本的一件代发助手创建（数据结构版本 {version}）。请安装最新版本的软件后再使用。",
    (
        "Errors",
        "The backup {name} is damaged: {problem} (and {count} more problems)",
    ): "备份 {name} 已损坏：{problem}（另有 {count} 个问题）",
    ("Errors", "The backup {name} is damaged: {problem}"): "备份 {name} 已损坏：{problem}",
    (
        "Errors",
        "{name} is not a Dropship Desktop backup (no order table).",
    ): "{name} 不是一件代发助手的备份（没有订单表）。",
    (
        "Errors",
        "The backup {name} does not match the database (row counts differ in {value}).",
    ): "备份 {name} 与数据库不一致（{value} 的行数不同）。",
    ("Errors", "There is no database at {db_path} to back up."): "{db_path} 处没有可备份的数据库。",
    (
        "Errors",
        "A backup cannot replace the database itself. Choose another file.",
    ): "不能用数据库本身作为备份来替换它。请选择其他文件。",
    (
        "Errors",
        "The damaged database could not be moved aside ({reason}). Close any program using "
        "{db_path} and try again.",
    ): "无法移走已损坏的数据库（{reason}）。请关闭正在使用 {db_path} 的程序后重试。",
    (
        "Errors",
        "Choose a backup file, not the database itself.",
    ): "请选择备份文件，而不是数据库本身。",
    (
        "Errors",
        "The restored database does not match the backup {name}. The database before the restore "
        "is kept in {value}.",
    ): "恢复后的数据库与备份 {name} 不一致。恢复前的数据库保存在 {value}。",
    (
        "Errors",
        "{path} is not a Dropship Desktop database (it is not an SQLite file). Choose another "
        "data folder or restore a backup.",
    ): "{path} 不是一件代发助手的数据库（不是 SQLite 文件）。请选择其他数据文件夹或恢复备份。",
    (
        "Errors",
        "The database {path} is damaged or unreadable ({reason}). Restore a backup.",
    ): "数据库 {path} 已损坏或无法读取（{reason}）。请恢复备份。",
    (
        "Errors",
        "This database was made by a newer version of Dropship Desktop (schema {version}; this "
        "version understands up to {latest_version}). It has not been changed. Install the "
        "newest version of the app to open it.",
    ): "该数据库由更新版本的一件代发助手创建（数据结构版本 {version}，当前版本最高支持 {latest_version}）。"
    "数据库未做任何改动。请安装最新版本的软件后再打开。",
    (
        "Errors",
        "This database was made by a newer version of Dropship Desktop (schema {current}).",
    ): "该数据库由更新版本的一件代发助手创建（数据结构版本 {current}）。",
    (
        "Errors",
        "The database {path} is read-only: this computer does not allow changing it. It can be "
        "opened read-only to look things up; to work with it, copy the data folder somewhere you "
        "may write, or make the file writable.",
    ): "数据库 {path} 是只读的：这台电脑不允许修改它。可以以只读方式打开以便查询；"
    "如需正常使用，请把数据文件夹复制到可写入的位置，或将该文件设为可写。",
    (
        "Errors",
        "The database {path} could not be opened ({reason}). If another copy of the app is using "
        "it, close that copy; if the disk is full or read-only, free space or choose another data "
        "folder.",
    ): "无法打开数据库 {path}（{reason}）。如果另一个软件窗口正在使用它，请先关闭；"
    "如果磁盘已满或只读，请释放空间或选择其他数据文件夹。",
    (
        "Errors",
        "There is no database at {path} to open read-only.",
    ): "{path} 处没有可以只读打开的数据库。",
    (
        "Errors",
        "The database {path} is read-only and was made by an older version of the app; it needs "
        "an update that cannot be written. Copy the data folder somewhere you may write and open "
        "it there.",
    ): "数据库 {path} 是只读的，且由旧版本软件创建，需要升级但无法写入。"
    "请把数据文件夹复制到可写入的位置后再打开。",
    (
        "Errors",
        "The database {path} could not be opened read-only ({reason}).",
    ): "无法以只读方式打开数据库 {path}（{reason}）。",
    (
        "Errors",
        "The disk is full, so the change was not saved. Nothing was changed. Free some disk space "
        "and try again.",
    ): "磁盘已满，修改未保存，数据没有任何改动。请释放一些磁盘空间后重试。",
    (
        "Errors",
        "The database is read-only, so the change was not saved. Nothing was changed.",
    ): "数据库是只读的，修改未保存，数据没有任何改动。",
    (
        "Errors",
        "The database is busy in another program, so the change was not saved. Nothing was "
        "changed. Close other programs using it and try again.",
    ): "数据库正被其他程序占用，修改未保存，数据没有任何改动。请关闭正在使用它的其他程序后重试。",
    (
        "Errors",
        "The disk reported an error while saving, so the change was not saved. Nothing was "
        "changed. Check the disk (or the USB drive or network folder) and try again.",
    ): "保存时磁盘报错，修改未保存，数据没有任何改动。请检查磁盘（或U盘、网络文件夹）后重试。",
    (
        "Errors",
        "Tier {tier}: quantity must be positive (got {qty}).",
    ): "第 {tier} 档：数量必须大于 0（当前为 {qty}）。",
    (
        "Errors",
        "Tier {tier}: price must be positive (got {price} fen).",
    ): "第 {tier} 档：价格必须大于 0（当前为 {price} 分）。",
    (
        "Errors",
        "Tier {tier}: quantity {qty} must be greater than the previous tier's {previous}.",
    ): "第 {tier} 档：数量 {qty} 必须大于上一档的 {previous}。",
    (
        "Comparison",
        "Points this factor adds to the score; the most it can add is in brackets.",
    ): "该项为总分贡献的分数；括号中为该项最多可得的分数。",
    (
        "Comparison",
        "Factor score {score:.2f} of 1 × weight {weight:g} → {points:.1f} points",
    ): "单项得分 {score:.2f}（满分 1）× 权重 {weight:g} → {points:.1f} 分",
    (
        "Comparison",
        "Cannot serve a one-piece dropship order; kept in the list, ranked last.",
    ): "无法一件代发；仍保留在列表中，排在最后。",
    ("Messages", "Backup restored."): "备份已恢复。",
    ("Errors", "Enter the product title."): "请输入商品标题。",
    ("Errors", "Enter a name for the account."): "请输入账号名称。",
    ("Errors", "The name is longer than 100 characters."): "名称超过 100 个字符。",
    ("Errors", "The 1688 member id is longer than 100 characters."): "1688会员ID超过 100 个字符。",
    ("Errors", "Choose a connector (manual if unsure)."): "请选择连接方式（不确定时选“手动”）。",
    ("Import", "Pinduoduo"): "拼多多",
    ("Import", "Douyin shop"): "抖店",
    ("Import", "1688 purchase orders"): "1688采购单",
}


def _load_feature_translations() -> None:
    """Merge the per-feature dictionaries in ``tools/zh_CN/*.py`` (one ``TRANSLATIONS`` each).

    Each capability keeps its strings in a file of its own, so that work on several features at
    once never edits the same lines; a key defined twice must agree.
    """
    import importlib.util

    folder = Path(__file__).resolve().parent / "zh_CN"
    for path in sorted(folder.glob("*.py")):
        spec = importlib.util.spec_from_file_location(f"_zh_CN_{path.stem}", path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for key, value in module.TRANSLATIONS.items():
            if key in TRANSLATIONS and TRANSLATIONS[key] != value:
                raise SystemExit(f"{path.name}: {key!r} differs from an earlier translation")
            TRANSLATIONS[key] = value


_load_feature_translations()


# ------------------------------------------------------------------------------------ the tool

_CONTEXT_RE = re.compile(r"<context>.*?</context>", re.S)
_NAME_RE = re.compile(r"<name>(.*?)</name>", re.S)
_MESSAGE_RE = re.compile(
    r"(?P<indent>[ \t]*)<message(?P<attrs>[^>]*)>(?P<body>.*?)</message>", re.S
)
_SOURCE_RE = re.compile(r"<source>(.*?)</source>", re.S)
_TRANSLATION_RE = re.compile(
    r"(?P<indent>[ \t]*)<translation(?P<attrs>[^>]*?)(?:/>|>(?P<text>.*?)</translation>)", re.S
)


def _unescape(text: str) -> str:
    return html.unescape(text)


def _escape(text: str) -> str:
    """Escape like lupdate does, so that a later lupdate run rewrites nothing."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&apos;")
    )


def lookup(context: str, source: str) -> str | list[str] | None:
    """The translation of *source* in *context*, else of the same source in any other context."""
    found = TRANSLATIONS.get((context, source))
    if found is not None:
        return found
    for (_other, text), translation in TRANSLATIONS.items():
        if text == source:
            return translation
    return None


def _translation_xml(indent: str, value: str | list[str], numerus: bool) -> str:
    if numerus:
        forms = value if isinstance(value, list) else [value]
        inner = "".join(
            f"\n{indent}    <numerusform>{_escape(form)}</numerusform>" for form in forms
        )
        return f"{indent}<translation>{inner}\n{indent}</translation>"
    text = value if isinstance(value, str) else value[0]
    return f"{indent}<translation>{_escape(text)}</translation>"


def fill(ts_text: str, *, only_unfinished: bool = False) -> tuple[str, int, list[tuple[str, str]]]:
    """Write :data:`TRANSLATIONS` into the .ts text.

    Returns:
        The new text, how many messages were changed, and the ``(context, source)`` of the
        messages that are still unfinished because no translation is known for them.
    """
    changed = 0
    missing: list[tuple[str, str]] = []

    def do_context(match: re.Match[str]) -> str:
        block = match.group(0)
        name_match = _NAME_RE.search(block)
        context = _unescape(name_match.group(1)) if name_match else ""

        def do_message(m: re.Match[str]) -> str:
            nonlocal changed
            body = m.group("body")
            source_match = _SOURCE_RE.search(body)
            if source_match is None:
                return m.group(0)
            source = _unescape(source_match.group(1))
            numerus = 'numerus="yes"' in m.group("attrs")
            tr = _TRANSLATION_RE.search(body)
            if tr is None:
                return m.group(0)
            attrs = tr.group("attrs")
            if "vanished" in attrs or "obsolete" in attrs:
                return m.group(0)
            unfinished = 'type="unfinished"' in attrs
            if only_unfinished and not unfinished:
                return m.group(0)
            value = lookup(context, source)
            if value is None:
                if unfinished:
                    missing.append((context, source))
                return m.group(0)
            new = _translation_xml(tr.group("indent"), value, numerus)
            if new == tr.group(0):
                return m.group(0)
            changed += 1
            body = body[: tr.start()] + new + body[tr.end() :]
            return f"{m.group('indent')}<message{m.group('attrs')}>{body}</message>"

        return _MESSAGE_RE.sub(do_message, block)

    text = _CONTEXT_RE.sub(do_context, ts_text)
    return text, changed, missing


_PLACEHOLDER_RE = re.compile(r"\{[^}]*\}|%n|%v|%m|%\d|<[^>]+>")
_MNEMONIC_RE = re.compile(r"&([A-Za-z0-9])")


def lint() -> list[str]:
    """Translations whose placeholders, HTML tags or mnemonics differ from the English."""

    def fields(text: str) -> list[str]:
        return sorted(re.sub(r"\{\d+\}", "{}", f) for f in _PLACEHOLDER_RE.findall(text))

    problems = []
    for (context, source), value in TRANSLATIONS.items():
        for text in [value] if isinstance(value, str) else value:
            if fields(source) != fields(text):
                problems.append(f"fields differ: [{context}] {source!r} -> {text!r}")
            mnemonic = _MNEMONIC_RE.search(source)
            if mnemonic and f"(&{mnemonic.group(1).upper()})" not in text:
                problems.append(f"mnemonic differs: [{context}] {source!r} -> {text!r}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ts", nargs="?", type=Path, default=TS)
    parser.add_argument(
        "--only-unfinished",
        action="store_true",
        help="leave finished translations alone even where the dictionary differs",
    )
    parser.add_argument(
        "--missing", action="store_true", help="only list entries without a translation"
    )
    parser.add_argument(
        "--lint", action="store_true", help="check placeholders and mnemonics of the dictionary"
    )
    args = parser.parse_args(argv)
    if args.lint:
        problems = lint()
        print("\n".join(problems) or "ok")
        return 1 if problems else 0
    original = args.ts.read_text(encoding="utf-8")
    text, changed, missing = fill(original, only_unfinished=args.only_unfinished)
    if not args.missing and text != original:
        args.ts.write_text(text, encoding="utf-8")
    if not args.missing:
        print(f"{changed} message(s) translated or updated in {args.ts.name}")
    for context, source in missing:
        print(f"no translation: [{context}] {source!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
