from mattis_corpus.cli.commands import main

main()
