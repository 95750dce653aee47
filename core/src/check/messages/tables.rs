//! Message templates of the table rules (W-, X-, C-: within.rs, cross.rs, classification.rs).

use super::MessageTemplate;

templates! {
    TABLES;
}
