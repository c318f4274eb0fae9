pub mod recurring_expenses;
