//! Fuzz target `derive`: asserts [`recount::invariants::derive`] on every input.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| recount::invariants::derive(data));
