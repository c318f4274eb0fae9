Hello,

{{ inviter }} invited you to join "{{ workspace }}" on SmartExpense as {{ role }}.

To accept, open this link and log in or sign up with this address ({{ email }}):

{{ link }}

The link works once, for 7 days. If you did not expect this, ignore this mail.
