module github.com/dossier-reader/dossier

go 1.26.8
