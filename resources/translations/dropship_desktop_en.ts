<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
    <context>
        <name>CancelWizard</name>
        <message numerus="yes">
            <source>If you stop now, the order being sent finishes; the %n order(s) not sent yet are recorded as not sent, and you can cancel them again later. An order whose 1688 page is open without your answer is kept for you to check.</source>
            <translation>
                <numerusform>If you stop now, the order being sent finishes; the %n order not sent yet is recorded as not sent, and you can cancel it again later. An order whose 1688 page is open without your answer is kept for you to check.</numerusform>
                <numerusform>If you stop now, the order being sent finishes; the %n orders not sent yet are recorded as not sent, and you can cancel them again later. An order whose 1688 page is open without your answer is kept for you to check.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ConfirmPage</name>
        <message numerus="yes">
            <source>%n order(s)</source>
            <translation>
                <numerusform>%n order</numerusform>
                <numerusform>%n orders</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ConsequencesText</name>
        <message numerus="yes">
            <source>Close %n unpaid order(s): {amount}</source>
            <translation>
                <numerusform>Close %n unpaid order: {amount}</numerusform>
                <numerusform>Close %n unpaid orders: {amount}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Apply for the refund of %n paid order(s): {amount} asked back</source>
            <translation>
                <numerusform>Apply for the refund of %n paid order: {amount} asked back</numerusform>
                <numerusform>Apply for the refund of %n paid orders: {amount} asked back</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message numerus="yes">
            <source>Selected orders (%n)</source>
            <translation>
                <numerusform>Selected orders (%n)</numerusform>
                <numerusform>Selected orders (%n)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Exported %n order(s) to {}.</source>
            <translation>
                <numerusform>Exported %n order to {}.</numerusform>
                <numerusform>Exported %n orders to {}.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>InterruptedBanner</name>
        <message numerus="yes">
            <source>%n cancellation request(s) were interrupted (the app stopped or the connection was lost). Check those orders on 1688 and say what happened.</source>
            <translation>
                <numerusform>%n cancellation request was interrupted (the app stopped or the connection was lost). Check that order on 1688 and say what happened.</numerusform>
                <numerusform>%n cancellation requests were interrupted (the app stopped or the connection was lost). Check those orders on 1688 and say what happened.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MappingView</name>
        <message numerus="yes">
            <source>%n mapping(s) exported to %1.</source>
            <translation>
                <numerusform>%n mapping exported to %1.</numerusform>
                <numerusform>%n mappings exported to %1.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>OrderListPage</name>
        <message numerus="yes">
            <source>%n order(s)</source>
            <translation>
                <numerusform>%n order</numerusform>
                <numerusform>%n orders</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n supplier order(s) of the selected orders will be selected.</source>
            <translation>
                <numerusform>%n supplier order of the selected orders will be selected.</numerusform>
                <numerusform>%n supplier orders of the selected orders will be selected.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n order(s) chosen in the order list are already selected.</source>
            <translation>
                <numerusform>%n order chosen in the order list is already selected.</numerusform>
                <numerusform>%n orders chosen in the order list are already selected.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>OrdersView</name>
        <message numerus="yes">
            <source>%n order(s)</source>
            <translation>
                <numerusform>%n order</numerusform>
                <numerusform>%n orders</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n supplier order(s) awaiting a match</source>
            <translation>
                <numerusform>%n supplier order awaiting a match</numerusform>
                <numerusform>%n supplier orders awaiting a match</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PurchaseQueueView</name>
        <message numerus="yes">
            <source>%n order(s) waiting to be ordered</source>
            <translation>
                <numerusform>%n order waiting to be ordered</numerusform>
                <numerusform>%n orders waiting to be ordered</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n line(s) written to the purchase list.</source>
            <translation>
                <numerusform>%n line written to the purchase list.</numerusform>
                <numerusform>%n lines written to the purchase list.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ReasonPage</name>
        <message numerus="yes">
            <source>Unpaid orders to close (%n)</source>
            <translation>
                <numerusform>Unpaid orders to close (%n)</numerusform>
                <numerusform>Unpaid orders to close (%n)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Paid orders: refund application (%n), the supplier must agree</source>
            <translation>
                <numerusform>Paid orders: refund application (%n), the supplier must agree</numerusform>
                <numerusform>Paid orders: refund application (%n), the supplier must agree</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Also mark the supplier's offer as out of stock in the sourcing data (%n offer(s)), so it is not chosen again</source>
            <translation>
                <numerusform>Also mark the supplier's offer as out of stock in the sourcing data (%n offer), so it is not chosen again</numerusform>
                <numerusform>Also mark the supplier's offer as out of stock in the sourcing data (%n offers), so it is not chosen again</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SelectPage</name>
        <message numerus="yes">
            <source>Select %n orders to cancel?</source>
            <translation>
                <numerusform>Select %n order to cancel?</numerusform>
                <numerusform>Select %n orders to cancel?</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ShippingView</name>
        <message numerus="yes">
            <source>%n order(s) were sent to the shop with a tracking number that 1688 has changed since: correct them on the shop.</source>
            <translation>
                <numerusform>%n order was sent to the shop with a tracking number that 1688 has changed since: correct it on the shop.</numerusform>
                <numerusform>%n orders were sent to the shop with a tracking number that 1688 has changed since: correct them on the shop.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n order(s) with a 1688 tracking number to ship</source>
            <translation>
                <numerusform>%n order with a 1688 tracking number to ship</numerusform>
                <numerusform>%n orders with a 1688 tracking number to ship</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SubmitPage</name>
        <message numerus="yes">
            <source>Waiting: 1688 refuses to close an order in its first 10 seconds; the %n waiting order(s) are sent automatically.</source>
            <translation>
                <numerusform>Waiting: 1688 refuses to close an order in its first 10 seconds; the %n waiting order is sent automatically.</numerusform>
                <numerusform>Waiting: 1688 refuses to close an order in its first 10 seconds; the %n waiting orders are sent automatically.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Waiting %n s, then sent</source>
            <translation>
                <numerusform>Waiting %n s, then sent</numerusform>
                <numerusform>Waiting %n s, then sent</numerusform>
            </translation>
        </message>
    </context>
</TS>