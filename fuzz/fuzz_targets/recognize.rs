//! Fuzz target `recognize`: asserts [`recount::invariants::recognize`] on every input.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| recount::invariants::recognize(data));
