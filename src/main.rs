fn main() {
    career_guide::mount();
}
