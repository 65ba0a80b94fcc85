fn main() {
    newsroom::start();
}
