Confirm your new email address for SmartExpense
