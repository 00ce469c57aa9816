//! Fuzz target `check`: asserts [`recount::invariants::check`] on every input.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| recount::invariants::check(data));
