import SolieuCLI

Solieu.main()
