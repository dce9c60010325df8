"""Chinese strings of the api branch (#20: the 1688 Open Platform connector, sync, accounts)."""

from __future__ import annotations

TRANSLATIONS: dict[tuple[str, str], str | list[str]] = {
    # ---- the accounts window
    ("AccountsDialog", "Connected"): "已连接",
    ("AccountsDialog", "Reconnect needed"): "需要重新连接",
    ("AccountsDialog", "Not authorised yet"): "尚未授权",
    ("AccountsDialog", "Not connected (manual)"): "未连接（手动方式）",
    ("AccountsDialog", "1688 Accounts"): "1688 账号",
    ("AccountsDialog", "Account"): "账号",
    ("AccountsDialog", "1688 member"): "1688 会员",
    ("AccountsDialog", "Connection"): "连接状态",
    ("AccountsDialog", "App key"): "App Key",
    ("AccountsDialog", "&Connect an Account…"): "连接账号(&C)…",
    ("AccountsDialog", "&Reconnect…"): "重新连接(&R)…",
    ("AccountsDialog", "Re&move Connection"): "移除连接(&M)",
    (
        "AccountsDialog",
        "With an app key from the 1688 open platform the app fetches your 1688 orders, cancels, "
        "refunds and (with the permission) places orders itself. Without one everything works by "
        "hand: import 1688 exports and act on 1688 in the browser.",
    ): "有了 1688 开放平台的 App Key，软件可以自动获取 1688 订单、取消订单、申请退款，"
    "（有下单权限时）还能自动下单。没有也完全可以手动操作：导入 1688 导出的订单文件，在浏览器中于 1688 上操作。",
    ("AccountsDialog", "{status} (token until {time})"): "{status}（授权有效至 {time}）",
    ("AccountsDialog", "{status}, from the environment"): "{status}，来自环境变量",
    (
        "AccountsDialog",
        "No distribution account yet: connect one to start.",
    ): "还没有分销账号：请先连接一个。",
    ("AccountsDialog", "Remove Connection"): "移除连接",
    (
        "AccountsDialog",
        "Forget the app key, secret and authorisation of “{name}”? The account and its orders "
        "stay; it then works by hand (manual connector).",
    ): "要删除“{name}”的 App Key、App Secret 和授权吗？账号及其订单会保留，之后改为手动方式操作。",
    (
        "CancelWizard",
        "1688 Open Platform: the app acts through the API",
    ): "1688 开放平台：软件通过 API 自动操作",
    # ---- connecting
    ("ConnectDialog", "Connect a 1688 Account"): "连接 1688 账号",
    ("ConnectDialog", "Leave empty to keep the saved key"): "留空则沿用已保存的 App Key",
    ("ConnectDialog", "Leave empty to keep the saved secret"): "留空则沿用已保存的 App Secret",
    ("ConnectDialog", "&Open the 1688 Authorise Page"): "打开 1688 授权页面(&O)",
    ("ConnectDialog", "The authorise address appears here"): "授权页面地址将显示在这里",
    (
        "ConnectDialog",
        "Paste the code, or the whole address 1688 sent you to",
    ): "粘贴授权码，或 1688 跳转到的完整网址",
    ("ConnectDialog", "&Finish Connecting"): "完成连接(&F)",
    ("ConnectDialog", "&Account name:"): "账号名称(&A)：",
    ("ConnectDialog", "App &key:"): "App &Key：",
    ("ConnectDialog", "App &secret:"): "App &Secret：",
    ("ConnectDialog", "&Redirect address:"): "回调地址(&R)：",
    (
        "ConnectDialog",
        "1. Enter the app key and app secret of your app on the 1688 open platform "
        "(open.1688.com → My apps). They are kept only in this computer's credential store, "
        "never in the database.\n2. Open the authorise page, sign in with the 1688 buyer account "
        "and allow access.\n3. Paste the code 1688 shows (or the whole address of the page it "
        "sends you to) and finish within 2 minutes.",
    ): "1. 填写您在 1688 开放平台（open.1688.com → 我的应用）上应用的 App Key 和 App Secret。"
    "它们只保存在本机的系统凭据库中，绝不写入数据库。\n2. 打开授权页面，用 1688 买家账号登录并同意授权。\n"
    "3. 粘贴 1688 显示的授权码（或跳转到的页面的完整网址），并在 2 分钟内完成。",
    ("ConnectDialog", "Saving the app key…"): "正在保存 App Key…",
    (
        "ConnectDialog",
        "The authorise page opened in your browser. Allow access, then paste here.",
    ): "已在浏览器中打开授权页面。同意授权后，把授权码粘贴到这里。",
    (
        "ConnectDialog",
        "Copy the address above into your browser, allow access, then paste here.",
    ): "请把上面的地址复制到浏览器中打开，同意授权后，把授权码粘贴到这里。",
    ("ConnectDialog", "Asking 1688 for the authorisation…"): "正在向 1688 获取授权…",
    # ---- CLI and messages
    (
        "Errors",
        "--since {value!r} is not a date: write it as 2026-11-01.",
    ): "--since {value!r} 不是日期：请写成 2026-11-01 这样的格式。",
    ("Messages", "The 1688 account is connected."): "1688 账号已连接。",
    (
        "Messages",
        "The 1688 connection was removed; the account now uses the manual way.",
    ): "已移除 1688 连接；该账号改为手动方式。",
    # ---- the connector's messages
    (
        "Open1688",
        "The app key is a number of a few digits (shown as AppKey on the 1688 open platform's "
        "app page). Copy it from there.",
    ): "App Key 是一串数字（见 1688 开放平台应用页面上的 AppKey），请从那里复制。",
    (
        "Open1688",
        "Enter the app secret (App Secret on the 1688 open platform's app page), without spaces.",
    ): "请填写 App Secret（见 1688 开放平台应用页面），不要带空格。",
    (
        "Open1688",
        "The redirect address must start with http:// or https:// and be the callback address "
        "registered for your 1688 app.",
    ): "回调地址必须以 http:// 或 https:// 开头，并且是您的 1688 应用登记的回调地址。",
    (
        "Open1688",
        "Paste the code 1688 showed, or the whole address of the page it sent you to.",
    ): "请粘贴 1688 显示的授权码，或它跳转到的页面的完整网址。",
    (
        "Open1688",
        "1688 reports the authorisation was not given ({error}). Open the authorise page again "
        "and choose to authorise.",
    ): "1688 表示未获得授权（{error}）。请重新打开授权页面并选择同意授权。",
    (
        "Open1688",
        "The pasted address holds no code=… part. Copy the whole address of the page 1688 sent "
        "you to after authorising.",
    ): "粘贴的网址中没有 code=… 部分。请复制授权后 1688 跳转到的页面的完整网址。",
    (
        "Open1688",
        "The pasted address belongs to an older authorisation. Open the authorise page again "
        "from this window and paste the new address.",
    ): "粘贴的网址属于之前的一次授权。请从本窗口重新打开授权页面，再粘贴新的网址。",
    (
        "Open1688",
        "That does not look like a 1688 authorisation code. Paste the code or the whole redirect "
        "address.",
    ): "这看起来不像 1688 授权码。请粘贴授权码或完整的跳转网址。",
    (
        "Open1688",
        "1688 does not know this order (check the order number and the account).",
    ): "1688 上没有这个订单（请核对订单号和账号）。",
    (
        "Open1688",
        "The order's status on 1688 does not allow this any more (it may have been paid, shipped "
        "or closed meanwhile). Sync the order and look again.",
    ): "该订单在 1688 上的状态已不允许此操作（可能已付款、已发货或已关闭）。请同步订单后再查看。",
    (
        "Open1688",
        "1688 does not allow closing an order within 10 seconds of placing it. Wait a moment and "
        "try again.",
    ): "1688 不允许在下单后 10 秒内关闭订单。请稍等片刻再试。",
    ("Open1688", "The supplier has not shipped this order yet."): "供应商尚未发货。",
    (
        "Open1688",
        "1688 rejected the request signature: the app secret does not match the app key. Enter "
        "the app key and secret again in the 1688 accounts window.",
    ): "1688 拒绝了请求签名：App Secret 与 App Key 不匹配。请在“1688 账号”窗口中重新填写 App Key 和 App Secret。",
    (
        "Open1688",
        "1688 does not know this app key. Check it in the 1688 accounts window.",
    ): "1688 不认识这个 App Key。请在“1688 账号”窗口中检查。",
    (
        "Open1688",
        "1688 rejected the request time: set this computer's clock to the correct time "
        "(automatic time) and try again.",
    ): "1688 拒绝了请求时间：请把电脑时钟调准（开启自动设置时间）后重试。",
    (
        "Open1688",
        "The 1688 authorisation has expired. Reconnect the account.",
    ): "1688 授权已过期。请重新连接该账号。",
    (
        "Open1688",
        "1688 no longer accepts this account's authorisation. Reconnect the account.",
    ): "1688 已不再接受该账号的授权。请重新连接该账号。",
    (
        "Open1688",
        "1688 is limiting how often the app may ask. Wait a minute and try again.",
    ): "1688 正在限制请求频率。请等一分钟后重试。",
    (
        "Open1688",
        "Your 1688 app has no permission for this function. Apply for it on the 1688 open "
        "platform (see the README), or do it by hand on 1688.",
    ): "您的 1688 应用没有此功能的权限。请在 1688 开放平台申请（见使用说明），或在 1688 上手动操作。",
    (
        "Open1688",
        "1688 did not accept the authorisation code: it is used once and valid about 2 minutes. "
        "Open the authorise page again and paste the new code.",
    ): "1688 未接受该授权码：授权码只能使用一次，有效期约 2 分钟。请重新打开授权页面并粘贴新的授权码。",
    (
        "Open1688",
        "1688 did not accept the app key or app secret. Check both and try again.",
    ): "1688 未接受 App Key 或 App Secret。请检查后重试。",
    (
        "Open1688",
        "1688 refused the request ({code}): {message}",
    ): "1688 拒绝了请求（{code}）：{message}",
    ("Open1688", "{message} (1688: {platform})"): "{message}（1688：{platform}）",
    (
        "Open1688",
        "The 1688 account “{account}” needs to be reconnected: its authorisation expired or was "
        "withdrawn. Open 1688 accounts and choose Reconnect.",
    ): "1688 账号“{account}”需要重新连接：授权已过期或已被撤销。请打开“1688 账号”并选择“重新连接”。",
    (
        "Open1688",
        "The account “{account}” is not connected to the 1688 open platform. Connect it in 1688 "
        "accounts (app key, app secret and authorisation) first.",
    ): "账号“{account}”未连接 1688 开放平台。请先在“1688 账号”中连接（App Key、App Secret 和授权）。",
    (
        "Open1688",
        "Cannot reach 1688 (no internet connection, or the gateway is down). Nothing was sent. "
        "Check the connection and try again.",
    ): "无法连接 1688（没有网络，或 1688 网关不可用）。没有发送任何内容。请检查网络后重试。",
    (
        "Open1688",
        "The connection to 1688 broke during “{api}”; it is not known whether 1688 received it. "
        "Check on 1688 (or sync) before trying again.",
    ): "执行“{api}”时与 1688 的连接中断，无法确定 1688 是否已收到。请先在 1688 上查看（或同步）后再重试。",
    (
        "Open1688",
        "This computer has no secure credential store (such as Windows Credential Manager), so "
        "the app secret and the 1688 authorisation cannot be kept. Nothing was saved. You can "
        "still work with the manual connector.",
    ): "本机没有安全的凭据库（例如 Windows 凭据管理器），无法保存 App Secret 和 1688 授权。"
    "没有保存任何内容。您仍可以使用手动方式。",
    ("Open1688", "That account no longer exists."): "该账号已不存在。",
    (
        "Open1688",
        "There is no distribution account named “{name}”. Accounts: {names}.",
    ): "没有名为“{name}”的分销账号。现有账号：{names}。",
    (
        "Open1688",
        "Several accounts use the 1688 Open Platform; choose one with --account NAME: {names}.",
    ): "有多个账号连接了 1688 开放平台；请用 --account 名称 指定一个：{names}。",
    (
        "Open1688",
        "No account is connected to the 1688 Open Platform. Connect one in the app (menu 1688 → "
        "1688 accounts) or set DROPSHIP_DESKTOP_1688_APP_KEY, DROPSHIP_DESKTOP_1688_APP_SECRET "
        "and DROPSHIP_DESKTOP_1688_ACCESS_TOKEN.",
    ): "没有连接 1688 开放平台的账号。请在软件中连接（菜单“1688 接口 → 1688 账号”），或设置 "
    "DROPSHIP_DESKTOP_1688_APP_KEY、DROPSHIP_DESKTOP_1688_APP_SECRET 和 DROPSHIP_DESKTOP_1688_ACCESS_TOKEN。",
    (
        "Open1688",
        "1688 sync of “{account}”: {seen} orders read, {created} new, {updated} updated, "
        "{unchanged} unchanged; {matched} matched to shop orders.",
    ): "“{account}”的 1688 同步：读取 {seen} 个订单，新增 {created} 个，更新 {updated} 个，"
    "未变 {unchanged} 个；{matched} 个已匹配到店铺订单。",
    ("Open1688", "The start date of the sync is in the future."): "同步的开始日期在未来。",
    (
        "Open1688",
        "The app is closing; the 1688 request was stopped.",
    ): "软件正在关闭；1688 请求已停止。",
    ("Open1688", "The 1688 sync was stopped."): "1688 同步已停止。",
    # ---- the 1688 menu
    ("Open1688Menu", "&1688"): "1688 接口(&I)",
    ("Open1688Menu", "1688 &Accounts…"): "1688 账号(&A)…",
    ("Open1688Menu", "&Sync 1688 Orders"): "同步 1688 订单(&S)",
    ("Open1688Menu", "S&top the Sync"): "停止同步(&T)",
    ("Open1688Menu", "Sync Auto&matically"): "自动同步(&M)",
    ("Open1688Menu", "Off"): "关闭",
    ("Open1688Menu", "Every {n} minutes"): "每 {n} 分钟",
    ("Open1688Menu", "1688 %v/%m"): "1688 %v/%m",
    ("Open1688Menu", "Syncing 1688 orders…"): "正在同步 1688 订单…",
    (
        "Open1688Menu",
        "The 1688 account “{name}” needs to be reconnected (1688 → 1688 Accounts).",
    ): "1688 账号“{name}”需要重新连接（菜单“1688 接口 → 1688 账号”）。",
    (
        "Open1688Menu",
        "No account is connected to the 1688 Open Platform. Connect one in 1688 → 1688 Accounts, "
        "or import 1688 order exports by hand.",
    ): "没有连接 1688 开放平台的账号。请在菜单“1688 接口 → 1688 账号”中连接，或手动导入 1688 订单导出文件。",
    ("Open1688Menu", "1688 sync stopped: {reason}"): "1688 同步已停止：{reason}",
    # ---- watching linked offers
    (
        "Open1688",
        "{checked} linked 1688 offer(s) checked, {alerts} alert(s).",
    ): "已检查 {checked} 个关联的 1688 货源，{alerts} 条提醒。",
    (
        "Open1688",
        "{name} ({offer}) is no longer on sale on 1688: it was marked out of stock. Choose "
        "another offer for its listings.",
    ): "{name}（{offer}）在 1688 上已下架：已标记为缺货。请为相关商品另选货源。",
    (
        "Open1688",
        "{name} ({offer}) now costs ¥{new} instead of ¥{old}: its listings lose ¥{loss} a piece. "
        "Raise the price or choose another offer.",
    ): "{name}（{offer}）进价由 ¥{old} 涨到 ¥{new}：相关商品每件亏损 ¥{loss}。请提价或另选货源。",
    (
        "Open1688",
        "{name} ({offer}) has {stock} piece(s) on 1688 but the waiting orders need {need}.",
    ): "{name}（{offer}）在 1688 上只有 {stock} 件库存，但待下单的订单需要 {need} 件。",
    ("Open1688Menu", "&Check Linked Offers Now"): "立即检查关联货源(&C)",
    ("Open1688Menu", "Check Offers &Regularly"): "定期检查货源(&R)",
    ("Open1688Menu", "Once a day"): "每天一次",
    ("Open1688Menu", "Every {n} hours"): "每 {n} 小时",
    ("Open1688Menu", "Checking the linked 1688 offers…"): "正在检查关联的 1688 货源…",
    ("Open1688Menu", "Linked 1688 Offers"): "关联的 1688 货源",
    ("Open1688Menu", "{n} linked offer(s) need attention:"): "{n} 个关联货源需要处理：",
    ("Open1688Menu", "The offer check stopped: {reason}"): "货源检查已停止：{reason}",
}
