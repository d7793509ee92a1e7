// The demo portal's script: registering the elements is all a portal page needs.
import '../src/define.js';
