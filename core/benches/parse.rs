//! Parse benchmark (placeholder replaced below).
fn main() {}
