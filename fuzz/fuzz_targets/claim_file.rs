//! Fuzz target `claim_file`: asserts [`recount::invariants::claim_file`] on every input.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| recount::invariants::claim_file(data));
