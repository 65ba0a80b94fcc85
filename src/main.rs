fn main() {
    #[cfg(feature = "csr")]
    newsroom::start();
}
