from .cli import main

# guarded: a worker process started with "spawn" imports the main module again
if __name__ == "__main__":
    main()
