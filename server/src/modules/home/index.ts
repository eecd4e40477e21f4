/*
 * What other modules may use of the home: nothing. It only serves the home's to-do counts
 * (`home.routes.ts`, registered by app.ts).
 */
export {};
