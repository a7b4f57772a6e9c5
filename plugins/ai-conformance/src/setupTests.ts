import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// CI machines can be slow: give async queries more than the 1 s default.
configure({ asyncUtilTimeout: 10_000 });
