# Refusals that name no field, shown as a notice above the page.
refusal-role = As { $role ->
        [owner] owner
        [admin] admin
        [member] member
       *[viewer] viewer
    } in this workspace you cannot do that.
refusal-manage-members = Your role cannot manage members.
refusal-transfer = Only the owner can transfer ownership.
refusal-suspended = This workspace is suspended by the operators of this site: it can be read but not changed until they lift the suspension.
refusal-locked = This account is locked. Contact the operators of this site to have it unlocked.
refusal-plan-history = The { $plan } plan keeps { $months } months of history: expenses before { $date } can be read but not added or changed. The workspace owner can upgrade on the Billing page.
refusal-plan-expenses-used = The { $plan } plan allows { $allowed } new expenses a month, and this month's are used. The workspace owner can upgrade on the Billing page.
refusal-plan-expenses-left = The { $plan } plan allows { $allowed } new expenses a month: { $left } are left this month, and this adds { $count }. The workspace owner can upgrade on the Billing page.
refusal-plan-receipts = The { $plan } plan keeps { $allowed } MB of receipts, { $used } MB are used and this file does not fit. The workspace owner can upgrade on the Billing page.
refusal-plan-members = The { $plan } plan allows { $allowed } people in a workspace (pending invitations count). The workspace owner can upgrade on the Billing page.
refusal-storage-unavailable = Receipt storage could not be reached, so the receipt was not saved. The expense itself is unchanged; attach the receipt again later.
refusal-storage-full = Receipt storage is full, so the receipt was not saved. The expense itself is unchanged; attach the receipt again once the instance's operator has freed space.
refusal-stripe-unreachable = Stripe, our payment provider, could not be reached, so nothing changed. Please try again in a few minutes.
refusal-stripe-refused = Stripe, our payment provider, refused the request, so nothing changed. Please try again later or contact the operators of this site.
refusal-billing-off = Billing is off on this instance: every workspace has every feature.
refusal-form-fields = The form has more than { $max } fields.
refusal-too-large = The { $what ->
        [form] form is
        [upload] upload is
        [file] file is
       *[archive] archive is
    } too large: at most { $size } { $unit } can be sent here.
refusal-too-slow = The request was not sent in time; nothing was changed. Please try again.
refusal-platform-role = Your platform role does not allow that.
