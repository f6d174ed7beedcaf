package aelab;

/** Launcher placeholder while the skeleton resolves its dependencies. */
public final class Main {
    public static void main(String[] args) {
        System.out.println("usage: autoencoder-lab [train|bench] ...");
    }
}
