"""レポート: the PDF progress summary — options, comments, preview, save, print, open."""
