org-name = Press office
