//! Message templates of the narrative and performance rules (N-, V-, P-: narrative.rs, performance.rs).

use super::MessageTemplate;

templates! {
    NARRATIVE;
}
