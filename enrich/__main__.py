import sys; from enrich.cli import main; main()
