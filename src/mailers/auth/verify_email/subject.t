Confirm your email address for SmartExpense
