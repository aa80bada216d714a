from .cli.convert import main

main()
