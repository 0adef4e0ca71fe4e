// The permission catalogue: every action a Latch token can be allowed to take
// against the commerce API. Pure data plus lookups, with no imports, because
// the consent screen (browser) and the token checks (server) must agree on
// exactly the same list.
//
// Kinds drive the consent UI and the short OAuth scopes:
//   read        - looks at data without changing it (list, retrieve, search, export).
//   write       - creates or changes data in a way that can be corrected later.
//   destructive - moves money, deletes data, or cannot be undone. Consent screens
//                 call these out, and `x:read` never grants them.

export type PermissionKind = "read" | "write" | "destructive";

export const PERMISSION_KINDS: readonly PermissionKind[] = Object.freeze([
  "read",
  "write",
  "destructive",
]);

export interface PermissionGroup {
  id: string;
  label: string;
  description: string;
  /** Short OAuth scope family; tokens ask for `${scope}:read` / `${scope}:write`. */
  scope: string;
}

export interface Permission {
  /** `resource.method`, e.g. `sale.void`. Stored on clients and tokens; never rename. */
  key: string;
  group: string;
  label: string;
  description: string;
  kind: PermissionKind;
}

export type PermissionKey = string;

// Groups are declared `as const` so `resource()` below can only name a group
// that exists; a typo fails type-checking instead of producing an orphan.
const GROUPS = [
  // sales
  { id: "sales", scope: "sales", label: "Sales", description: "Orders and invoices: creating, charging, voiding and refunding sales." },
  { id: "product_sales", scope: "sales", label: "Product sales", description: "Individual product line items sold within sales." },
  // customers
  { id: "customers", scope: "customers", label: "Customers", description: "Customer records, contact details and privacy requests." },
  { id: "customer_cards", scope: "customers", label: "Customer cards", description: "Tokenized cards saved on customers for future charges." },
  { id: "customer_groups", scope: "customers", label: "Customer groups", description: "Segments of customers used for pricing and targeting." },
  // subscriptions
  { id: "subscriptions", scope: "subscriptions", label: "Subscriptions", description: "Recurring billing agreements between customers and plans." },
  { id: "subscription_renewals", scope: "subscriptions", label: "Subscription renewals", description: "Individual billing cycles of subscriptions and their charges." },
  { id: "trials", scope: "subscriptions", label: "Trials", description: "Free or discounted trial periods before a subscription starts billing." },
  // catalog
  { id: "products", scope: "catalog", label: "Products", description: "Products and plans offered for sale, with prices and stock." },
  { id: "product_groups", scope: "catalog", label: "Product groups", description: "Collections that organise products for storefronts and reports." },
  { id: "coupons", scope: "catalog", label: "Coupons", description: "Codes customers enter at checkout to get a discount." },
  { id: "discounts", scope: "catalog", label: "Discounts", description: "Automatic price reductions applied to sales and subscriptions." },
  // payments
  { id: "transactions", scope: "payments", label: "Transactions", description: "Raw payment gateway transactions: authorizations, captures and charges." },
  { id: "refunds", scope: "payments", label: "Refunds", description: "Money returned to customers against earlier payments." },
  { id: "chargebacks", scope: "payments", label: "Chargebacks", description: "Disputes raised by cardholders and the evidence to contest them." },
  { id: "payment_profiles", scope: "payments", label: "Payment profiles", description: "Which payment methods checkout offers and in which currencies." },
  { id: "gateway_profiles", scope: "payments", label: "Gateway profiles", description: "Connections to payment gateways and their credentials." },
  { id: "paypal", scope: "payments", label: "PayPal", description: "The connected PayPal account, its transactions and billing agreements." },
  { id: "offline_payments", scope: "payments", label: "Offline payments", description: "Cash, cheque and bank transfer payments recorded by hand." },
  // fulfillment
  { id: "shipping", scope: "fulfillment", label: "Shipping", description: "Shipping methods, zones, rates and carrier labels." },
  { id: "fulfillment", scope: "fulfillment", label: "Fulfillment", description: "Packing, shipping and returns for sold items." },
  // automation
  { id: "functions", scope: "automation", label: "Functions", description: "Custom code that runs on store events." },
  { id: "ai_assistants", scope: "automation", label: "AI assistants", description: "Configured AI assistants and their conversations." },
  { id: "kv_store", scope: "automation", label: "Key-value store", description: "A small key-value store for integrations and functions." },
  // content
  { id: "email_templates", scope: "content", label: "Email templates", description: "Templates for receipts, invoices and other customer emails." },
  { id: "metadata", scope: "content", label: "Metadata", description: "Custom fields and key-value metadata attached to records." },
  { id: "notes", scope: "content", label: "Notes", description: "Internal notes attached to customers, sales and subscriptions." },
  { id: "documents", scope: "content", label: "Documents", description: "Uploaded files such as contracts, certificates and invoices." },
  // reports
  { id: "reports", scope: "reports", label: "Reports", description: "Revenue, churn and tax reports, saved and scheduled." },
  // settings
  { id: "tax", scope: "settings", label: "Tax", description: "Tax rates, customer exemptions and tax filings." },
  { id: "smtp_profiles", scope: "settings", label: "SMTP profiles", description: "Outgoing mail servers used to send customer emails." },
  { id: "projects", scope: "settings", label: "Projects", description: "Workspaces that separate stores, brands or environments." },
  // account: kept as its own family so a client can ask "who am I" and nothing else.
  { id: "account", scope: "account", label: "Account", description: "The account that approved the token and the token itself." },
] as const satisfies readonly PermissionGroup[];

type GroupId = (typeof GROUPS)[number]["id"];

export const PERMISSION_GROUPS: readonly PermissionGroup[] = Object.freeze(
  GROUPS.map((g) => Object.freeze({ ...g })),
);

/** [method, kind, label, description] */
type Row = readonly [method: string, kind: PermissionKind, label: string, description: string];

function resource(name: string, group: GroupId, rows: readonly Row[]): Permission[] {
  return rows.map(([method, kind, label, description]) => ({
    key: `${name}.${method}`,
    group,
    label,
    description,
    kind,
  }));
}

const ALL: Permission[] = [
  // ---------------------------------------------------------------- sales
  ...resource("sale", "sales", [
    ["list", "read", "List sales", "List sales with filters by date, status and customer, with pagination."],
    ["retrieve", "read", "View a sale", "Retrieve one sale with its line items, payments and totals."],
    ["search", "read", "Search sales", "Find sales by invoice number, customer email or amount."],
    ["export", "read", "Export sales", "Download sales matching a filter as CSV for accounting."],
    // Creating a sale never charges it; charging is the separate `sale.charge`.
    ["create", "write", "Create a sale", "Create a draft or invoiced sale for a customer without charging it."],
    ["edit", "write", "Edit a sale", "Change an unpaid sale's billing details, due date or notes."],
    ["duplicate", "write", "Duplicate a sale", "Copy an existing sale into a new unpaid draft."],
    ["send_invoice", "write", "Email an invoice", "Email the customer a payment link for an unpaid sale."],
    ["send_receipt", "write", "Email a receipt", "Send the receipt for a paid sale to the customer again."],
    ["send_reminder", "write", "Send a payment reminder", "Email the customer a reminder that an invoice is overdue."],
    ["charge", "destructive", "Charge a sale", "Charge the customer's saved payment method for an unpaid sale."],
    ["capture", "destructive", "Capture a sale", "Collect funds that were only authorized when the sale was placed."],
    ["void", "destructive", "Void a sale", "Void an unpaid or authorized sale so it can no longer be collected."],
    ["refund", "destructive", "Refund a sale", "Refund all or part of a paid sale to the original payment method."],
    ["delete", "destructive", "Delete a draft sale", "Permanently delete a draft sale that was never invoiced."],
  ]),
  ...resource("product_sale", "product_sales", [
    ["list", "read", "List product sales", "List sold line items across all sales, filtered by product or date."],
    ["retrieve", "read", "View a product sale", "Retrieve one sold line item with its price, quantity and tax."],
    ["search", "read", "Search product sales", "Find sold line items by product name, SKU or date range."],
    ["export", "read", "Export product sales", "Download sold line items as CSV for stock and revenue analysis."],
    ["create", "write", "Add a line item", "Add a product line item to an unpaid sale."],
    ["edit", "write", "Edit a line item", "Change the quantity, price or description of a line item on an unpaid sale."],
    ["delete", "destructive", "Remove a line item", "Remove a line item from an unpaid sale."],
    ["refund", "destructive", "Refund a line item", "Refund a single line item instead of the whole sale."],
  ]),

  // ------------------------------------------------------------ customers
  ...resource("customer", "customers", [
    ["list", "read", "List customers", "List customers with filters and pagination."],
    ["retrieve", "read", "View a customer", "Retrieve one customer's profile, addresses and contact details."],
    ["search", "read", "Search customers", "Find customers by name, email, phone or company."],
    ["export", "read", "Export customers", "Download customer records, including contact details, as CSV."],
    ["list_sales", "read", "List a customer's sales", "List the sales and invoices belonging to one customer."],
    ["create", "write", "Create a customer", "Add a new customer with their contact details and addresses."],
    ["edit", "write", "Edit a customer", "Update a customer's name, email, addresses or tax details."],
    ["block", "write", "Block a customer", "Stop a customer from placing new orders or starting subscriptions."],
    ["unblock", "write", "Unblock a customer", "Allow a blocked customer to place orders again."],
    ["send_portal_link", "write", "Send a portal link", "Email the customer a sign-in link to their self-service billing portal."],
    ["merge", "destructive", "Merge customers", "Merge a duplicate customer into another, moving their sales and cards; this cannot be split again."],
    ["anonymize", "destructive", "Anonymize a customer", "Erase a customer's personal data for a privacy request while keeping sales totals."],
    ["delete", "destructive", "Delete a customer", "Permanently delete a customer who has no sales or subscriptions."],
  ]),
  ...resource("customer_card", "customer_cards", [
    ["list", "read", "List saved cards", "List a customer's saved cards, showing only brand, last four digits and expiry."],
    ["retrieve", "read", "View a saved card", "Retrieve one saved card's brand, expiry and billing address."],
    ["create", "write", "Save a card", "Attach a gateway-tokenized card to a customer for future charges."],
    ["edit", "write", "Update a saved card", "Update a saved card's expiry date or billing address."],
    ["set_default", "write", "Set the default card", "Choose which saved card is charged for new sales and renewals."],
    ["verify", "write", "Verify a card", "Run a zero-amount authorization to check that a saved card still works."],
    ["charge", "destructive", "Charge a saved card", "Charge an amount to a customer's saved card outside of any sale."],
    ["delete", "destructive", "Delete a saved card", "Remove a saved card; subscriptions that use it will need a new payment method."],
  ]),
  ...resource("customer_group", "customer_groups", [
    ["list", "read", "List customer groups", "List customer groups and how many customers each contains."],
    ["retrieve", "read", "View a customer group", "Retrieve a customer group's name, rules and pricing."],
    ["list_members", "read", "List group members", "List the customers that belong to a group."],
    ["create", "write", "Create a customer group", "Create a new customer group for pricing or targeting."],
    ["edit", "write", "Edit a customer group", "Rename a customer group or change its pricing rules."],
    ["add_member", "write", "Add a customer to a group", "Put a customer into a group so its pricing applies to them."],
    ["remove_member", "write", "Remove a customer from a group", "Take a customer out of a group; they return to standard pricing."],
    ["delete", "destructive", "Delete a customer group", "Delete a customer group; its members keep their accounts but lose its pricing."],
  ]),

  // -------------------------------------------------------- subscriptions
  ...resource("subscription", "subscriptions", [
    ["list", "read", "List subscriptions", "List subscriptions with filters by status, plan and customer."],
    ["retrieve", "read", "View a subscription", "Retrieve one subscription's plan, status, next billing date and history."],
    ["search", "read", "Search subscriptions", "Find subscriptions by customer email, plan or reference."],
    ["export", "read", "Export subscriptions", "Download subscriptions as CSV for churn and revenue analysis."],
    ["edit", "write", "Edit a subscription", "Change a subscription's quantity, payment method or billing address."],
    ["change_plan", "write", "Change a subscription's plan", "Move a subscription to another plan, with or without proration."],
    ["apply_coupon", "write", "Apply a coupon to a subscription", "Apply a coupon so future renewals are discounted."],
    ["suspend", "write", "Suspend a subscription", "Pause billing and access for a subscription until it is reactivated."],
    ["reactivate", "write", "Reactivate a subscription", "Resume a suspended subscription on its existing plan."],
    // Starting a subscription commits the customer to recurring charges.
    ["create", "destructive", "Start a subscription", "Subscribe a customer to a plan; their saved payment method is charged on the plan's schedule."],
    ["cancel", "destructive", "Cancel a subscription", "Cancel a subscription immediately or at the end of its current period."],
    ["delete", "destructive", "Delete a subscription", "Permanently delete a cancelled subscription and its renewal history."],
  ]),
  ...resource("subscription_renewal", "subscription_renewals", [
    ["list", "read", "List renewals", "List past renewals with their amounts and payment results."],
    ["retrieve", "read", "View a renewal", "Retrieve one renewal's invoice, charge attempts and outcome."],
    ["list_upcoming", "read", "List upcoming renewals", "List renewals due in a date range with their expected amounts."],
    ["export", "read", "Export renewals", "Download renewals as CSV to forecast recurring revenue."],
    ["reschedule", "write", "Reschedule a renewal", "Move a subscription's next renewal to a different date."],
    ["skip", "write", "Skip a renewal", "Skip the next billing cycle without cancelling the subscription."],
    ["trigger", "destructive", "Trigger a renewal now", "Run a subscription's renewal charge immediately instead of on its due date."],
    ["retry", "destructive", "Retry a failed renewal", "Attempt the charge for a failed renewal again."],
    ["void", "destructive", "Void a renewal invoice", "Void an unpaid renewal invoice so it is no longer collected."],
  ]),
  ...resource("trial", "trials", [
    ["list", "read", "List trials", "List active and ended trials with their end dates."],
    ["retrieve", "read", "View a trial", "Retrieve one trial's plan, customer and conversion date."],
    ["export", "read", "Export trials", "Download trials as CSV to measure trial-to-paid conversion."],
    ["create", "write", "Start a trial", "Start a trial of a plan for a customer; nothing is charged until it converts."],
    ["edit", "write", "Edit a trial", "Change a trial's plan or the payment method it will convert with."],
    ["extend", "write", "Extend a trial", "Push a trial's end date later so billing starts later."],
    ["convert", "destructive", "Convert a trial now", "End a trial early and start the paid subscription, charging the customer."],
    ["cancel", "destructive", "Cancel a trial", "End a trial without converting it to a paid subscription."],
  ]),

  // -------------------------------------------------------------- catalog
  ...resource("product", "products", [
    ["list", "read", "List products", "List products and plans with their prices and status."],
    ["retrieve", "read", "View a product", "Retrieve one product's description, prices, variants and stock."],
    ["search", "read", "Search products", "Find products by name, SKU or description."],
    ["export", "read", "Export products", "Download the product catalogue as CSV."],
    ["retrieve_inventory", "read", "View stock levels", "See how many units of a product are in stock per location."],
    ["create", "write", "Create a product", "Add a new product or recurring plan to the catalogue."],
    ["edit", "write", "Edit a product", "Change a product's name, description, prices or images."],
    ["edit_inventory", "write", "Adjust stock levels", "Correct a product's stock count after a recount or delivery."],
    ["duplicate", "write", "Duplicate a product", "Copy a product into a new unpublished product."],
    ["archive", "write", "Archive a product", "Hide a product from new sales while keeping its sales history."],
    ["unarchive", "write", "Restore an archived product", "Make an archived product available for sale again."],
    ["delete", "destructive", "Delete a product", "Permanently delete a product that has never been sold."],
  ]),
  ...resource("product_group", "product_groups", [
    ["list", "read", "List product groups", "List product groups and the number of products in each."],
    ["retrieve", "read", "View a product group", "Retrieve a product group's name, description and products."],
    ["create", "write", "Create a product group", "Create a new collection of products."],
    ["edit", "write", "Edit a product group", "Rename a product group or change its description and image."],
    ["add_product", "write", "Add a product to a group", "Place a product in a product group."],
    ["remove_product", "write", "Remove a product from a group", "Take a product out of a group without deleting the product."],
    ["reorder", "write", "Reorder a product group", "Change the order in which a group's products are displayed."],
    ["delete", "destructive", "Delete a product group", "Delete a product group; its products remain in the catalogue."],
  ]),
  ...resource("coupon", "coupons", [
    ["list", "read", "List coupons", "List coupons with their codes, values and expiry dates."],
    ["retrieve", "read", "View a coupon", "Retrieve one coupon's value, limits and eligible products."],
    ["search", "read", "Search coupons", "Find a coupon by its code or name."],
    ["export", "read", "Export coupons", "Download coupons and their codes as CSV."],
    ["list_redemptions", "read", "List coupon redemptions", "See which customers used a coupon and on which sales."],
    ["create", "write", "Create a coupon", "Create a new coupon with its discount value and usage limits."],
    ["edit", "write", "Edit a coupon", "Change a coupon's value, expiry date or usage limits."],
    ["generate_codes", "write", "Generate coupon codes", "Generate a batch of unique single-use codes for a coupon."],
    ["activate", "write", "Activate a coupon", "Allow customers to redeem a coupon."],
    ["deactivate", "write", "Deactivate a coupon", "Stop a coupon being redeemed without deleting it."],
    ["delete", "destructive", "Delete a coupon", "Permanently delete a coupon and all of its unused codes."],
  ]),
  ...resource("discount", "discounts", [
    ["list", "read", "List discounts", "List automatic discounts and the rules that trigger them."],
    ["retrieve", "read", "View a discount", "Retrieve one discount's amount, conditions and schedule."],
    ["create", "write", "Create a discount", "Create an automatic discount with its conditions and amount."],
    ["edit", "write", "Edit a discount", "Change a discount's amount, conditions or schedule."],
    ["activate", "write", "Activate a discount", "Start applying a discount to qualifying sales."],
    ["deactivate", "write", "Deactivate a discount", "Stop applying a discount without deleting it."],
    ["apply", "write", "Apply a discount", "Apply a discount by hand to an unpaid sale or an active subscription."],
    ["remove", "write", "Remove a discount", "Remove a discount from an unpaid sale or a subscription's future renewals."],
    ["delete", "destructive", "Delete a discount", "Permanently delete a discount and its rules."],
  ]),

  // ------------------------------------------------------------- payments
  ...resource("transaction", "transactions", [
    ["list", "read", "List transactions", "List gateway transactions with filters by status, gateway and date."],
    ["retrieve", "read", "View a transaction", "Retrieve one transaction's amount, status and card summary."],
    ["retrieve_gateway_response", "read", "View a gateway response", "See the raw response the gateway returned for a transaction, for troubleshooting."],
    ["search", "read", "Search transactions", "Find transactions by gateway reference, amount or last four digits."],
    ["export", "read", "Export transactions", "Download transactions as CSV for reconciliation."],
    ["reconcile", "write", "Mark a transaction reconciled", "Flag a transaction as matched against a bank payout."],
    ["capture", "destructive", "Capture an authorization", "Collect the funds held by an authorized transaction."],
    ["void", "destructive", "Void an authorization", "Release an uncaptured authorization so the hold on the customer's funds is lifted."],
    ["retry", "destructive", "Retry a declined transaction", "Submit a declined transaction to the gateway again."],
  ]),
  ...resource("refund", "refunds", [
    ["list", "read", "List refunds", "List refunds with their amounts, reasons and status."],
    ["retrieve", "read", "View a refund", "Retrieve one refund and the transaction it returned money for."],
    ["search", "read", "Search refunds", "Find refunds by customer, sale or gateway reference."],
    ["export", "read", "Export refunds", "Download refunds as CSV for accounting."],
    ["edit", "write", "Edit a refund note", "Change the reason or internal note recorded on a refund."],
    ["send_notice", "write", "Email a refund notice", "Email the customer confirmation that a refund was issued."],
    ["create", "destructive", "Issue a refund", "Return money to a customer against an earlier transaction."],
    ["cancel", "destructive", "Cancel a pending refund", "Stop a refund the gateway has not yet sent to the customer."],
  ]),
  ...resource("chargeback", "chargebacks", [
    ["list", "read", "List chargebacks", "List chargebacks with their status, amount and response deadline."],
    ["retrieve", "read", "View a chargeback", "Retrieve one chargeback's reason code, sale and submitted evidence."],
    ["search", "read", "Search chargebacks", "Find chargebacks by customer, sale or case number."],
    ["export", "read", "Export chargebacks", "Download chargebacks as CSV to track dispute rates."],
    ["edit", "write", "Edit chargeback notes", "Update the internal notes kept on a chargeback case."],
    ["upload_evidence", "write", "Upload chargeback evidence", "Attach receipts, delivery proof or correspondence to a chargeback case."],
    ["submit", "destructive", "Submit a chargeback response", "Send the collected evidence to the card network; it cannot be amended afterwards."],
    ["accept", "destructive", "Accept a chargeback", "Concede a chargeback and forfeit the disputed amount."],
  ]),
  ...resource("payment_profile", "payment_profiles", [
    ["list", "read", "List payment profiles", "List the payment method setups offered at checkout."],
    ["retrieve", "read", "View a payment profile", "Retrieve which payment methods and currencies a profile offers."],
    ["create", "write", "Create a payment profile", "Create a new set of payment methods to offer at checkout."],
    ["edit", "write", "Edit a payment profile", "Change the payment methods, currencies or limits of a profile."],
    ["set_default", "write", "Set the default payment profile", "Choose which payment profile checkout uses by default."],
    ["enable", "write", "Enable a payment profile", "Make a payment profile available at checkout."],
    ["disable", "write", "Disable a payment profile", "Stop offering a payment profile at checkout without deleting it."],
    ["delete", "destructive", "Delete a payment profile", "Permanently delete a payment profile."],
  ]),
  ...resource("gateway_profile", "gateway_profiles", [
    ["list", "read", "List gateway connections", "List connected payment gateways and their status."],
    ["retrieve", "read", "View a gateway connection", "Retrieve a gateway connection's settings; secret credentials are never shown."],
    ["create", "write", "Connect a gateway", "Add a payment gateway connection with its API credentials."],
    ["edit", "write", "Edit a gateway connection", "Change a gateway connection's settings, such as capture mode or descriptor."],
    ["rotate_credentials", "write", "Replace gateway credentials", "Swap in new API credentials for a gateway connection."],
    ["set_default", "write", "Set the default gateway", "Choose which gateway processes new card payments."],
    ["test", "write", "Test a gateway connection", "Check a gateway's credentials with a request that moves no money."],
    ["delete", "destructive", "Disconnect a gateway", "Remove a gateway connection; cards saved through it can no longer be charged."],
  ]),
  ...resource("paypal_account", "paypal", [
    ["retrieve", "read", "View the PayPal connection", "See which PayPal account is connected and whether it is healthy."],
    ["connect", "write", "Connect PayPal", "Link a PayPal business account so checkout can offer PayPal."],
    ["disconnect", "destructive", "Disconnect PayPal", "Unlink the PayPal account; existing billing agreements stop renewing."],
  ]),
  ...resource("paypal_transaction", "paypal", [
    ["list", "read", "List PayPal transactions", "List payments received through PayPal."],
    ["retrieve", "read", "View a PayPal transaction", "Retrieve one PayPal payment with its payer and status."],
    ["sync", "write", "Re-sync PayPal transactions", "Pull missed PayPal transactions and update the matching sales."],
    ["capture", "destructive", "Capture a PayPal payment", "Collect a PayPal payment that was only authorized."],
    ["refund", "destructive", "Refund a PayPal payment", "Return all or part of a PayPal payment to the payer."],
  ]),
  ...resource("paypal_billing_agreement", "paypal", [
    ["list", "read", "List PayPal billing agreements", "List the recurring PayPal agreements customers have approved."],
    ["retrieve", "read", "View a PayPal billing agreement", "Retrieve one billing agreement and the subscription it pays for."],
    ["cancel", "destructive", "Cancel a PayPal billing agreement", "Cancel a billing agreement; the customer must approve a new one to pay again."],
  ]),
  ...resource("offline_payment", "offline_payments", [
    ["list", "read", "List offline payments", "List cash, cheque and bank transfer payments recorded against sales."],
    ["retrieve", "read", "View an offline payment", "Retrieve one offline payment and the sale it settled."],
    ["export", "read", "Export offline payments", "Download offline payments as CSV for bank reconciliation."],
    // Recording a payment documents money that already moved; `void` reverses it.
    ["create", "write", "Record an offline payment", "Record a cash, cheque or bank transfer payment against a sale."],
    ["edit", "write", "Edit an offline payment", "Correct the reference, date or method of a recorded offline payment."],
    ["void", "destructive", "Void an offline payment", "Cancel a recorded offline payment and reopen the sale's balance."],
    ["delete", "destructive", "Delete an offline payment", "Permanently delete an offline payment record."],
  ]),
  ...resource("offline_payment_method", "offline_payments", [
    ["list", "read", "List offline payment methods", "List the manual payment methods, such as bank transfer, shown to customers."],
    ["create", "write", "Add an offline payment method", "Add a manual payment method with its payment instructions."],
    ["edit", "write", "Edit an offline payment method", "Change the instructions or bank details shown for a manual payment method."],
    ["delete", "destructive", "Delete an offline payment method", "Remove a manual payment method from checkout."],
  ]),

  // ---------------------------------------------------------- fulfillment
  ...resource("shipping_method", "shipping", [
    ["list", "read", "List shipping methods", "List shipping methods with their carriers and prices."],
    ["retrieve", "read", "View a shipping method", "Retrieve one shipping method's carrier, price rules and delivery estimate."],
    ["create", "write", "Create a shipping method", "Add a shipping method with its price rules."],
    ["edit", "write", "Edit a shipping method", "Change a shipping method's price, carrier or delivery estimate."],
    ["delete", "destructive", "Delete a shipping method", "Remove a shipping method from checkout."],
  ]),
  ...resource("shipping_zone", "shipping", [
    ["list", "read", "List shipping zones", "List the regions you ship to and the methods offered in each."],
    ["create", "write", "Create a shipping zone", "Define a new region and the shipping methods available there."],
    ["edit", "write", "Edit a shipping zone", "Change the countries or methods of a shipping zone."],
    ["delete", "destructive", "Delete a shipping zone", "Remove a shipping zone; addresses in it can no longer check out with shipping."],
  ]),
  ...resource("shipping_rate", "shipping", [
    ["calculate", "read", "Quote shipping rates", "Quote shipping rates for an address and basket without buying a label."],
  ]),
  ...resource("shipping_label", "shipping", [
    ["retrieve", "read", "View a shipping label", "Download a purchased shipping label and its tracking number."],
    ["purchase", "destructive", "Buy a shipping label", "Buy a label from the carrier; the carrier bills the account."],
    ["void", "destructive", "Void a shipping label", "Cancel an unused label and ask the carrier for a refund."],
  ]),
  ...resource("fulfillment", "fulfillment", [
    ["list", "read", "List fulfillments", "List fulfillments with their status, carrier and tracking numbers."],
    ["retrieve", "read", "View a fulfillment", "Retrieve one fulfillment's items, addresses and tracking events."],
    ["search", "read", "Search fulfillments", "Find fulfillments by tracking number, sale or customer."],
    ["export", "read", "Export fulfillments", "Download fulfillments as CSV for a warehouse or 3PL."],
    ["create", "write", "Create a fulfillment", "Record that items from a sale are being packed for shipment."],
    ["edit", "write", "Edit a fulfillment", "Update a fulfillment's carrier, tracking number or items."],
    ["mark_shipped", "write", "Mark as shipped", "Mark a fulfillment shipped and email tracking details to the customer."],
    ["mark_delivered", "write", "Mark as delivered", "Record that a shipment reached the customer."],
    ["create_return", "write", "Open a return", "Start a return for items from a fulfilled sale."],
    ["receive_return", "write", "Receive a return", "Record returned items as received and put them back in stock."],
    ["cancel", "destructive", "Cancel a fulfillment", "Cancel a fulfillment that has not shipped and release its items."],
  ]),

  // ----------------------------------------------------------- automation
  ...resource("function", "functions", [
    ["list", "read", "List functions", "List custom functions and the events that trigger them."],
    ["retrieve", "read", "View a function", "Retrieve a function's source code, trigger and settings."],
    ["list_logs", "read", "Read function logs", "Read the output and errors of recent function runs."],
    ["create", "write", "Create a function", "Create a custom function with its code and trigger event."],
    ["edit", "write", "Edit a function", "Change a function's code, trigger or settings."],
    ["deploy", "write", "Deploy a function", "Publish a function's latest code so it runs on live events."],
    ["enable", "write", "Enable a function", "Let a function run when its trigger event happens."],
    ["disable", "write", "Disable a function", "Stop a function from running without deleting it."],
    // A run's side effects (emails, API calls, charges) cannot be recalled.
    ["invoke", "destructive", "Run a function now", "Run a function immediately with a given payload; its side effects cannot be undone."],
    ["delete", "destructive", "Delete a function", "Permanently delete a function and its run history."],
  ]),
  ...resource("ai_assistant", "ai_assistants", [
    ["list", "read", "List AI assistants", "List configured AI assistants and what they are allowed to do."],
    ["retrieve", "read", "View an AI assistant", "Retrieve an assistant's instructions, model and attached documents."],
    ["list_conversations", "read", "Read assistant conversations", "Read the conversations customers and staff had with an assistant."],
    ["create", "write", "Create an AI assistant", "Configure a new AI assistant with its instructions."],
    ["edit", "write", "Edit an AI assistant", "Change an assistant's instructions, model or tone."],
    ["run", "write", "Ask an AI assistant", "Send a prompt to an assistant; it acts only within its own configured permissions."],
    ["attach_document", "write", "Give an assistant a document", "Let an assistant use an uploaded document as reference material."],
    ["detach_document", "write", "Take a document from an assistant", "Stop an assistant using a document as reference material."],
    ["delete_conversation", "destructive", "Delete an assistant conversation", "Permanently delete a conversation transcript."],
    ["delete", "destructive", "Delete an AI assistant", "Permanently delete an assistant and its conversation history."],
  ]),
  ...resource("kv_namespace", "kv_store", [
    ["list", "read", "List key-value namespaces", "List the namespaces in the key-value store."],
    ["create", "write", "Create a key-value namespace", "Create a namespace to keep an integration's keys apart."],
    ["delete", "destructive", "Delete a key-value namespace", "Delete a namespace together with every key it holds."],
  ]),
  ...resource("kv_item", "kv_store", [
    ["list", "read", "List stored keys", "List the keys in a namespace of the key-value store."],
    ["get", "read", "Read a stored value", "Read the value stored under a key."],
    ["set", "write", "Store a value", "Create or overwrite the value stored under a key."],
    ["increment", "write", "Increment a counter", "Atomically add to a numeric value stored under a key."],
    ["delete", "destructive", "Delete a stored value", "Remove a key and its value from the store."],
  ]),

  // -------------------------------------------------------------- content
  ...resource("email_template", "email_templates", [
    ["list", "read", "List email templates", "List the email templates used for receipts, invoices and reminders."],
    ["retrieve", "read", "View an email template", "Retrieve a template's subject, HTML and plain-text body."],
    ["preview", "read", "Preview an email template", "Render a template with sample data without sending it."],
    ["create", "write", "Create an email template", "Create a new email template."],
    ["edit", "write", "Edit an email template", "Change a template's subject or body."],
    ["send_test", "write", "Send a test email", "Send a rendered template to the account's own address."],
    ["send", "write", "Email a customer from a template", "Send a customer an email rendered from a template."],
    ["restore_default", "destructive", "Reset a template to default", "Replace a customised template with the built-in version, discarding its edits."],
    ["delete", "destructive", "Delete an email template", "Permanently delete a custom email template."],
  ]),
  ...resource("metadata_field", "metadata", [
    ["list", "read", "List custom fields", "List the custom field definitions for customers, sales, products and subscriptions."],
    ["create", "write", "Create a custom field", "Define a new custom field that records can store values in."],
    ["edit", "write", "Edit a custom field", "Rename a custom field or change its type and validation."],
    ["delete", "destructive", "Delete a custom field", "Delete a custom field definition and its value on every record."],
  ]),
  ...resource("metadata", "metadata", [
    ["get", "read", "Read record metadata", "Read the custom key-value metadata attached to a customer, sale, product or subscription."],
    ["set", "write", "Write record metadata", "Add or change a metadata value on a customer, sale, product or subscription."],
    ["delete", "destructive", "Delete record metadata", "Remove a metadata value from a record."],
  ]),
  ...resource("note", "notes", [
    ["list", "read", "List notes", "List the internal notes attached to a customer, sale or subscription."],
    ["retrieve", "read", "View a note", "Retrieve one note with its author and history."],
    ["create", "write", "Add a note", "Attach an internal note to a customer, sale or subscription."],
    ["edit", "write", "Edit a note", "Change the text of an existing note."],
    ["pin", "write", "Pin a note", "Pin or unpin a note so it shows first on its record."],
    ["delete", "destructive", "Delete a note", "Permanently delete an internal note."],
  ]),
  ...resource("document", "documents", [
    ["list", "read", "List documents", "List uploaded documents with their names, tags and sizes."],
    ["retrieve", "read", "View document details", "Retrieve a document's name, tags and the records it is attached to."],
    ["download", "read", "Download a document", "Download a document's file contents."],
    ["upload", "write", "Upload a document", "Upload a file and attach it to a customer, sale or subscription."],
    ["edit", "write", "Edit a document", "Rename a document, change its tags or move it to another record."],
    ["share", "write", "Share a document", "Create an expiring link that lets someone outside the account download a document."],
    ["revoke_share", "write", "Revoke a document link", "Disable a document's share link before it expires."],
    ["delete", "destructive", "Delete a document", "Permanently delete a document and its file."],
  ]),

  // -------------------------------------------------------------- reports
  ...resource("report", "reports", [
    ["list", "read", "List reports", "List built-in and saved reports."],
    ["retrieve", "read", "View a report definition", "Retrieve a saved report's filters, columns and schedule."],
    ["retrieve_dashboard", "read", "View the dashboard", "Read headline figures such as revenue, MRR and churn."],
    ["run", "read", "Run a report", "Run a built-in or saved report and return its results."],
    ["export", "read", "Export a report", "Download a report's results as CSV or PDF."],
    ["create", "write", "Save a report", "Save a report with custom filters and columns."],
    ["edit", "write", "Edit a saved report", "Change a saved report's filters, columns or name."],
    ["schedule", "write", "Schedule a report", "Email a report's results to chosen addresses on a recurring schedule."],
    ["unschedule", "write", "Stop a scheduled report", "Stop emailing a scheduled report."],
    ["delete", "destructive", "Delete a saved report", "Permanently delete a saved report and its schedule."],
  ]),

  // ------------------------------------------------------------- settings
  ...resource("tax_rate", "tax", [
    ["list", "read", "List tax rates", "List tax rates by country, region and product class."],
    ["retrieve", "read", "View a tax rate", "Retrieve one tax rate and where it applies."],
    ["calculate", "read", "Calculate tax", "Preview the tax due for an address and basket."],
    ["create", "write", "Create a tax rate", "Add a tax rate for a country, region or product class."],
    ["edit", "write", "Edit a tax rate", "Change a tax rate's percentage or where it applies."],
    ["delete", "destructive", "Delete a tax rate", "Remove a tax rate; matching sales are no longer taxed by it."],
  ]),
  ...resource("tax_exemption", "tax", [
    ["list", "read", "List tax exemptions", "List customers marked tax-exempt and their certificates."],
    ["create", "write", "Record a tax exemption", "Mark a customer tax-exempt with their exemption certificate number."],
    ["delete", "destructive", "Remove a tax exemption", "Remove a customer's tax exemption so future sales are taxed."],
  ]),
  ...resource("tax_report", "tax", [
    ["export", "read", "Export a tax report", "Download tax collected per jurisdiction for filing returns."],
  ]),
  ...resource("smtp_profile", "smtp_profiles", [
    ["list", "read", "List SMTP profiles", "List the outgoing mail servers configured for customer email."],
    ["retrieve", "read", "View an SMTP profile", "Retrieve an SMTP profile's host, port and sender; the password is never shown."],
    ["create", "write", "Create an SMTP profile", "Add an outgoing mail server with its credentials."],
    ["edit", "write", "Edit an SMTP profile", "Change an SMTP profile's host, credentials or sender address."],
    ["set_default", "write", "Set the default SMTP profile", "Choose which mail server sends customer emails."],
    ["test", "write", "Test an SMTP profile", "Send a test message through an SMTP profile to the account's own address."],
    ["delete", "destructive", "Delete an SMTP profile", "Delete an SMTP profile; emails fall back to the default sender."],
  ]),
  ...resource("project", "projects", [
    ["list", "read", "List projects", "List the projects in the account."],
    ["retrieve", "read", "View a project", "Retrieve a project's name, settings and members."],
    ["create", "write", "Create a project", "Create a new project to separate a store, brand or environment."],
    ["edit", "write", "Edit a project", "Rename a project or change its settings."],
    ["add_member", "write", "Add a project member", "Give a staff user access to a project."],
    ["remove_member", "write", "Remove a project member", "Take away a staff user's access to a project."],
    ["archive", "write", "Archive a project", "Make a project read-only while keeping its data."],
    ["delete", "destructive", "Delete a project", "Permanently delete a project and everything in it."],
  ]),

  // -------------------------------------------------------------- account
  ...resource("account", "account", [
    ["retrieve", "read", "View account and token details", "See the account owner's email and the token's own details."],
  ]),
];

export const PERMISSIONS: readonly Permission[] = Object.freeze(ALL.map((p) => Object.freeze(p)));

export const PERMISSION_KEYS: readonly PermissionKey[] = Object.freeze(PERMISSIONS.map((p) => p.key));

const BY_KEY: ReadonlyMap<string, Permission> = new Map(PERMISSIONS.map((p) => [p.key, p]));
const GROUP_BY_ID: ReadonlyMap<string, PermissionGroup> = new Map(
  PERMISSION_GROUPS.map((g) => [g.id, g]),
);

export function isPermissionKey(key: string): boolean {
  return BY_KEY.has(key);
}

export function getPermission(key: string): Permission | undefined {
  return BY_KEY.get(key);
}

export function getGroup(id: string): PermissionGroup | undefined {
  return GROUP_BY_ID.get(id);
}

/** Groups in catalogue order, each with its permissions in catalogue order. */
export const PERMISSIONS_BY_GROUP: ReadonlyMap<string, readonly Permission[]> = (() => {
  const map = new Map<string, Permission[]>(PERMISSION_GROUPS.map((g) => [g.id, []]));
  for (const p of PERMISSIONS) map.get(p.group)?.push(p);
  return new Map([...map].map(([id, list]) => [id, Object.freeze(list)]));
})();

export function permissionsByGroup(): ReadonlyMap<string, readonly Permission[]> {
  return PERMISSIONS_BY_GROUP;
}

export const READ_ONLY_KEYS: readonly PermissionKey[] = Object.freeze(
  PERMISSIONS.filter((p) => p.kind === "read").map((p) => p.key),
);
