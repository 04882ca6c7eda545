from enrich.cli import main

main()
