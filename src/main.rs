fn main() {
    contacto_ciudadano::mount();
}
