// The system HTML5 parser (Debian's libgumbo-dev).
#include <gumbo.h>
