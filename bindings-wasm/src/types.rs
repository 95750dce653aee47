//! TypeScript declarations of every input and output, appended to the generated `yusuan.d.ts`.
//!
//! The functions' signatures name these types with `unchecked_param_type` and
//! `unchecked_return_type`; the types themselves are written by hand in `interfaces.d.ts` (the
//! objects are the core's JSON, so they follow its serde attributes) and checked by the package
//! tests: `tsc --noEmit` on a usage file and on the golden outputs assigned to these types.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const INTERFACES: &str = include_str!("interfaces.d.ts");
