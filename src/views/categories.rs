//! The categories page: each category with its parent and how many
//! expenses it holds, and the form to add one.

use serde::Serialize;

use crate::views::{expenses::CategoryResponse, page::FormValues};

#[derive(Debug, Serialize)]
pub struct CategoriesPage {
    pub rows: Vec<CategoryRow>,
    /// Every category, for the parent and "move expenses to" choices.
    pub categories: Vec<CategoryResponse>,
    pub form: FormValues<NewCategory, SentCategory>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<serde_json::Value>,
}

#[derive(Debug, Serialize)]
pub struct CategoryRow {
    pub category: CategoryResponse,
    /// The parent's name.
    pub parent: Option<String>,
    /// How many expenses it holds.
    pub expenses: i64,
}

/// A blank category: grey.
#[derive(Debug, Serialize)]
pub struct NewCategory {
    pub color: &'static str,
}

#[derive(Debug, Serialize)]
pub struct SentCategory {
    pub name: Option<String>,
    pub color: Option<String>,
    pub parent_id: Option<String>,
}
