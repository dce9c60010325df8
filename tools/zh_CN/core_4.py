"""The Simplified Chinese of the app's core texts, part 4 of 4: Import, Messages, Errors."""

TRANSLATIONS: dict[tuple[str, str], str | list[str]] = {
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
