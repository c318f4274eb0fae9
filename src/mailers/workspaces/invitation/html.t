<p>Hello,</p>
<p>{{ inviter }} invited you to join <strong>{{ workspace }}</strong> on SmartExpense as {{ role }}.</p>
<p><a href="{{ link }}">Accept the invitation</a></p>
<p>Log in or sign up with this address ({{ email }}). The link works once, for 7 days. If you did not expect this, ignore this mail.</p>
