//! Mounts the app; everything else lives in the library.

fn main() {
    systems_atlas::app::start();
}
