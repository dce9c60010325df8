"""The after-sales view (售后): the queue of cases by deadline and each case's two sides."""
