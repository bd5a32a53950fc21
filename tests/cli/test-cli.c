int main (void) { return 77; } /* STUB: to be written */
