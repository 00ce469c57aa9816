fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let mut n = 0;
    for _ in 0..20 {
        n += recount::recognize(&text, recount::locale::Setting::Auto)
            .quantities
            .len();
    }
    println!("{n}");
}
